# CloudTrail rotates its signing keys, and their validity ranges
# overlap.  The first three digests are signed with k1, the rest with
# k2; both keys in one list-public-keys file (k2's validity as epoch
# seconds, as aws-cli v1 prints it), everything is valid.  With k1's
# file only, the digests signed with k2 cannot be verified (each one
# is said), and k1's are still validated.  A digest that ends more
# than two hours after its key's validity is invalid.
. "$TOP/tests/lib/verify.sh"
newkey k1
newkey k2
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 6 --key k1 --key k2 --rotate 3
keys k1.json k1:2026-02-01T00:00:00Z@2026-03-01T04:00:00Z
keys k2.json k2:2026-03-01T02:00:00Z
jq '.PublicKeyList[0].ValidityStartTime = 1772330400' k2.json >k2v1.json
jq -s '{PublicKeyList: (map(.PublicKeyList) | add)}' k1.json k2v1.json \
    >both.json
ll-verify -q -s store -k both.json -S st manifest.ndjson
echo "rc=$?"
jq -c '{public_keys, digests_validated}' st
ll-verify -q -s store -k k1.json -k k2.json manifest.ndjson
echo "rc=$?"
echo "== k1 only"
ll-verify -q -s store -k k1.json -o obj manifest.ndjson >out
echo "rc=$?"
jq -c '[.type, (.key | split("_") | .[5]), (.reason | sub("[0-9a-f]{32}"; "FP"))]' out
jq -r 'select(.kind == "cloudtrail-digest") | [(.url | split("_") | .[5]),
    .status] | @tsv' obj
echo "== k1 valid until midnight only"
keys early.json k1:2026-02-01T00:00:00Z@2026-03-01T00:00:00Z
ll-verify -q -s store -k early.json -k k2.json manifest.ndjson |
    jq -c '[.type, (.key | split("_") | .[5]), (.reason | sub("[0-9a-f]{32}"; "FP"))]'
