# A log file that reached S3 late is in no hourly digest; CloudTrail
# lists it in a backfill digest (..._backfill.json.gz), signed the same
# way and chained apart.  Backfill digests are verified like the
# others and vouch for their files; they are not expected every hour.
# Without the backfill digest, the late file is listed nowhere.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 4 --key k1 --backfill 1
ls store/$B/$DIG | grep -c backfill
ll-verify -q -s store -k keys.json -o obj manifest.ndjson
echo "rc=$?"
jq -r '[.kind, (.url | split("/") | last | split("_") | .[3:] | join("_")),
    .status, (.digest // "-" | split("_") | .[5:] | join("_"))] | @tsv' obj
echo "== the backfill digest deleted"
gone "$(digest _backfill)"
ll-verify -q -s store -k keys.json manifest.ndjson | show
echo "== the backfill digest tampered"
rm -rf store manifest.ndjson
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 4 --key k1 --backfill 1
rewrite "$(digest _backfill)" 'd + b" "'
ll-verify -q -s store -k keys.json manifest.ndjson |
    jq -c '[.type, (.key | split("_") | .[5:] | join("_")), .reason]'
