# A manifest without a final newline: its last record still counts
# (here the newest digest's signature, which nothing else carries).
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 2 --key k1
grep -v CloudTrail-Digest manifest.ndjson >m2
grep CloudTrail-Digest manifest.ndjson | tail -n 1 | tr -d '\n' >>m2
tail -c 1 m2 | od -An -c
ll-verify -q -s store -k keys.json -S st m2
echo "rc=$?"
jq -c '{records_in, digests_validated, log_files_validated}' st
