# A log file changed in S3 before the fetch: the digest that lists it
# is valid, its content is not what the digest lists.  One finding,
# naming the file, the digest, the SHA-256 listed and the one found;
# the file is invalid in --objects, the other files stay validated.
# Then damage that leaves the content alone: data appended after the
# gzip stream (found since 2026 by aws-cli too), and a file stored
# uncompressed.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 3 --key k1
f=$(logfile 0156Z)
rewrite "$f" 'd.replace(b"DescribeInstances", b"DeleteTrail")'
ll-verify -q -s store -k keys.json -o obj manifest.ndjson >out
echo "rc=$?"
show out
jq -r 'select(.kind == "cloudtrail") | [(.url | split("_") | .[3]),
    .status] | @tsv' obj
echo "== data after the gzip stream, an uncompressed file"
f=$(logfile 0116Z)
chmod u+w "store/$B/$f" && printf 'XXXX' >>"store/$B/$f"
f=$(logfile 0216Z)
chmod u+w "store/$B/$f" && gzip -dc <"store/$B/$f" >x && cat x >"store/$B/$f"
ll-verify -q -s store -k keys.json manifest.ndjson >out 2>err
echo "rc=$?"
jq -c '[.type, (.key | split("_") | .[3]), .reason]' out
sed "s|$PWD/||" err >&2
