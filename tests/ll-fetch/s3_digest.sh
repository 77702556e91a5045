# CloudTrail digests are objects of their own kind, stored write-once
# like log files; their signature is S3 metadata (x-amz-meta-signature
# and -algorithm), which --get keeps in the manifest record.  From that
# store and manifest ll-verify validates everything, the newest digest
# included; without the metadata, the newest one cannot be verified.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/verify.sh"
moto_start
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 3 --key k1
# Upload what the generator stored, digests with their signatures.
jq -c --arg s "$PWD/store/$B/" '{key: (.url | ltrimstr("s3://'$B'/")),
    file: ($s + (.url | ltrimstr("s3://'$B'/")))}
    + if .signature then {metadata: {signature: .signature,
    "signature-algorithm": .signature_algorithm}} else {} end' \
    manifest.ndjson | seed put $B
ll-fetch -l -q s3://$B/AWSLogs/ >list
jq -r .kind list | sort | uniq -c
ll-fetch -O -q -s raw list >got.ndjson
echo "rc=$?"
jq -c 'select(.url | test("Digest")) | [.status,
    (.signature | length), .signature_algorithm]' got.ndjson
jq -c 'select(.url | test("Digest") | not) | keys' got.ndjson | sort -u
# The signatures are the ones uploaded.
jq -r 'select(.signature) | [.url, .signature] | @tsv' manifest.ndjson |
    sort >a
jq -r 'select(.signature) | [.url, .signature] | @tsv' got.ndjson | sort >b
cmp a b && echo "signatures kept"
find raw -name '*Digest*' -perm 0444 | wc -l
ll-verify -s raw -k keys.json got.ndjson
echo "rc=$?"
echo "== again: present objects are not fetched, and have no signature"
ll-fetch -O -q -s raw list >again.ndjson
jq -c 'select(.url | test("Digest")) | [.status, .signature]' again.ndjson
ll-verify -q -s raw -k keys.json again.ndjson | jq -r .type
ll-verify -q -s raw -k keys.json got.ndjson again.ndjson
echo "rc=$?"
