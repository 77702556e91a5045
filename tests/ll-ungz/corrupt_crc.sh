# A member whose trailer is wrong (CRC-32, then length): its bytes are
# written but the damage is
# reported with the member's offset, the members around it survive, and
# a file (whole-file decoder) and a pipe (streaming) give the same bytes.
printf 'first\n' | gzip -n >in
printf 'crc is wrong\n' | gzip -n >bad
printf 'size is wrong\n' | gzip -n >bad2
printf 'last\n' | gzip -n >last
# The trailer is CRC-32 then ISIZE, little-endian, in the last 8 bytes.
python3 -c '
import sys
for name, off in (("bad", -8), ("bad2", -4)):
    b = bytearray(open(name, "rb").read())
    b[off] ^= 0x55
    open(name, "wb").write(b)'
cat bad bad2 last >>in
ll-ungz -S stats.json in >out
echo "rc=$?"
cat out
jq -c '{files_damaged,reasons,exit}' stats.json
ll-ungz <in 2>/dev/null | cmp - out && echo "pipe: same"
