# The newest digests deleted: no later digest names them, so only the
# hourly cadence can tell.  With --until, every hour up to it must have
# its digest; without, the cadence runs to an hour before the latest
# delivery in the store (digests arrive after their hour), here log
# files of 80 minutes after the last digest.  Without either, the
# deletion of the very newest digest cannot be told from a digest not
# delivered yet.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 5 --key k1 --tail 80
ll-verify -q -s store -k keys.json manifest.ndjson
echo "rc=$?"
gone "$(digest T053649Z)"
echo "== the newest deleted; log files went on for 80 minutes"
ll-verify -q -s store -k keys.json manifest.ndjson | show
echo "== the two newest deleted, --until 07:00"
gone "$(digest T043649Z)"
ll-verify -q -s store -k keys.json -t 2026-03-01T07:00:00Z manifest.ndjson |
    show
echo "== no log files after the newest, and no --until"
for f in $(cd store/$B && ls $LOG/* | grep -e T05 -e T06); do gone "$f"; done
ll-verify -q -s store -k keys.json manifest.ndjson
echo "rc=$?"
echo "== a day and more without any digest: one finding"
ll-verify -q -s store -k keys.json -t 2026-03-03T00:00:00Z manifest.ndjson |
    jq -c '[.type, (.key | split("_") | .[5]), .expected, .reason]'
