# Manifest lines that are not records are reported with file and line,
# counted and copied to --reject; the good records around them are
# used (here: the newest digest's signature), and the exit status is 1.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 2 --key k1
{ echo 'not json'; head -n 3 manifest.ndjson; echo '[1,2]';
    echo '{"status":"stored"}'; tail -n +4 manifest.ndjson; } >m2
ll-verify -s store -k keys.json -r rej -S st m2
echo "rc=$?"
cat rej
jq -c '{records_in, rejected, reasons, digests_validated, findings}' st
