# A manifest record of 11 MB (an error message of that size) is read
# whole; with --max-record-bytes it is rejected, not truncated, and
# the records after it still count.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 2 --key k1
python3 -c '
import json
print(json.dumps({"url": "s3://other/x", "status": "failed", "error": "e" * 11000000}))' >m2
cat manifest.ndjson >>m2
ll-verify -q -s store -k keys.json -S st m2
echo "rc=$?"
jq -c '{records_in, rejected, digests_validated, manifest_not_stored}' st
ll-verify -q -s store -k keys.json -M 1M -r rej -S st m2
echo "rc=$?"
wc -c <rej
jq -c '{records_in, rejected, reasons, digests_validated}' st
