# A finding that cannot be written is an I/O error: exit 3, said; so
# is an --objects file that cannot be created.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 2 --key k1
gone "$(digest T013649Z)"
ll-verify -q -s store -k keys.json manifest.ndjson >/dev/full
echo "rc=$?"
ll-verify -q -s store -k keys.json -o /dev/full/x manifest.ndjson
echo "rc=$?"
