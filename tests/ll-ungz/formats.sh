# bzip2, xz, zstd, zip and tar are recognised by content, not name.
printf 'bz\n' | bzip2 >a.dat
printf 'xz\n' | xz >b.dat
printf 'zst\n' | zstd -q >c.dat
printf 'in zip\n' >z1.txt
zip -q -X z.dat z1.txt
printf 'in tar' >t1.txt
printf 'second\n' >t2.txt
tar --format=ustar -cf t.dat t1.txt t2.txt
ll-ungz a.dat b.dat c.dat z.dat t.dat
echo "rc=$?"
# NDJSON inside a compressor must come out as text, not be taken for an
# archive listing (libarchive's mtree reader bids on it).
printf '{"a":1}\n{"b":2}\n' >nd
xz <nd >nd.xz
bzip2 <nd >nd.bz2
zstd -q <nd >nd.zst
ll-ungz nd.xz nd.bz2 nd.zst
echo "rc=$?"
printf '{"a":1}\n' | xz | ll-splitjson
