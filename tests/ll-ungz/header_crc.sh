# A member whose optional header CRC (FHCRC) is wrong is damage whether
# the file is read whole or through a pipe; with a right one it decodes.
python3 -c '
import struct, zlib
data = b"hello\n"
c = zlib.compressobj(9, zlib.DEFLATED, -15)
body = c.compress(data) + c.flush()
hdr = bytes([0x1f, 0x8b, 8, 0x02, 0, 0, 0, 0, 0, 3])
trailer = struct.pack("<II", zlib.crc32(data), len(data))
crc = zlib.crc32(hdr) & 0xffff
open("good", "wb").write(hdr + struct.pack("<H", crc) + body + trailer)
open("bad", "wb").write(hdr + struct.pack("<H", crc ^ 0x1234) + body + trailer)'
ll-ungz good bad
echo "rc=$?"
ll-ungz <bad
echo "rc=$?"
