# Digests deleted from S3 before the fetch.  One deleted: the next
# digest names it, one finding.  Two in a row: the next digest names
# the second, and the hour of the first has no digest at all: two
# findings (aws cloudtrail validate-logs reports one, aws-cli #7054).
# The log files they listed are not covered, and are not reported as
# unlisted: the missing digests explain them.  Three, the chain's
# first among them: the one named is missing; nothing tells whether
# the two before it existed (the missing one may have begun the
# chain), so their log files are reported as listed in no digest.
# Deleted from the store after the fetch: the manifest says it was
# stored, a second finding.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 8 --key k1
cp manifest.ndjson manifest.all
cp -R store store.all
gone "$(digest T033649Z)"
ll-verify -q -s store -k keys.json -o obj manifest.ndjson >out
echo "rc=$?"
show out
jq -r 'select(.status != "validated") | [(.url | split("_") | .[3]),
    .status] | @tsv' obj
echo "== two in a row"
gone "$(digest T053649Z)" "$(digest T063649Z)"
ll-verify -q -s store -k keys.json manifest.ndjson | show
echo "== three, one of them the first of the chain"
rm -rf store && cp -R store.all store && cp manifest.all manifest.ndjson
gone "$(digest T013649Z)" "$(digest T023649Z)" "$(digest T033649Z)"
ll-verify -q -s store -k keys.json manifest.ndjson | show
echo "== deleted in the store after the fetch: the manifest says it was there"
rm -rf store && cp -R store.all store && cp manifest.all manifest.ndjson
rm -f "store/$B/$(digest T053649Z)"
ll-verify -q -s store -k keys.json manifest.ndjson | show
