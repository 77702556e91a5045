# A digest changed in S3 before the fetch: one hash it lists altered.
# Its signature no longer verifies and its SHA-256 is not the one the
# next digest names: one finding, the digest invalid, and the log
# files it lists not covered (their hashes came from a forged list).
# The digests before it are still validated through the chain.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 4 --key k1
d=$(digest T023649Z)
# The first hash listed, its first digit changed.
rewrite "$d" '__import__("re").sub(rb"(\"hashValue\":\")(.)", lambda m:
    m.group(1) + (b"1" if m.group(2) == b"0" else b"0"), d, count=1)'
ll-verify -q -s store -k keys.json -o obj manifest.ndjson >out
echo "rc=$?"
jq -c '{type, key: (.key | split("_") | .[5]), trail,
    digest: (.digest // "" | split("_") | .[5]),
    differs: (.expected != .found),
    reason}' out
jq -r '[.kind, (.url | split("_") | if .[1] == "CloudTrail-Digest"
    then .[5] else .[3] end), .status] | @tsv' obj
echo "== changed in the store after the fetch: the manifest says so too"
d=$(digest T033649Z)
chmod u+w "store/$B/$d"
gzip -dc <"store/$B/$d" | sed 's/"logFiles":\[{/"logFiles":[{"extra":1,/' |
    gzip -n >x && cat x >"store/$B/$d"
ll-verify -q -s store -k keys.json manifest.ndjson |
    jq -c '[.type, (.key | split("_") | .[5])]'
