# A decompression bomb in a Firehose-like object: the document before it
# survives, expansion stops past 1000:1 with the byte offset, the cut
# document is rejected, and memory stays small (read from a pipe, so
# without the whole-file decoder's 32 MB output buffer).
printf '{"n":1}\n' | gzip -n >in
{ printf '{"n":2,"pad":"'; head -c 100000000 /dev/zero | tr '\0' x; printf '"}\n'; } |
    gzip -n >>in
printf '{"n":3}\n' | gzip -n >>in
ll-splitjson -S stats.json in
echo "rc=$?"
jq -c '{records_in,records_out,rejected,reasons}' stats.json
cat in | /usr/bin/time -f %M -o rss ll-splitjson 2>err | wc -l
# Where a pipe's reads end, and so where the limit is noticed, varies.
sed 's/byte [0-9]*/byte N/g' err
tail -n1 rss | awk '{ print ($1 < 65536) }'
