# Several accounts and regions in one run, each its own chain: a
# finding in one region does not touch the others, and the counts add
# up.  With --until, the newest digest of each chain is due; one
# deleted is one finding, in its own account and region.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
for r in us-east-1 eu-central-1 ap-southeast-2; do
	trail --account $ACCT --region $r --start 2026-03-01T00:36:49Z \
	    --hours 3 --key k1
	trail --account 444455556666 --region $r --start 2026-03-01T00:12:03Z \
	    --hours 3 --key k1
done
ll-verify -q -s store -k keys.json -S st manifest.ndjson
echo "rc=$?"
jq -c '{digests_validated, log_files_validated, findings}' st
f=$(cd store/$B && ls AWSLogs/444455556666/CloudTrail/eu-central-1/2026/03/01/* | sed -n 3p)
rewrite "$f" 'd.replace(b"DescribeInstances", b"RunInstances")'
ll-verify -q -s store -k keys.json -S st manifest.ndjson >out
echo "rc=$?"
jq -c '[.type, .account, .region, (.key | split("/") | last)]' out
jq -c '{digests_validated, log_files_validated, log_files_invalid, findings}' st
echo "== the newest digest of one region deleted, --until 04:00"
gone AWSLogs/$ACCT/CloudTrail-Digest/ap-southeast-2/2026/03/01/${ACCT}_CloudTrail-Digest_ap-southeast-2_main-trail_us-east-1_20260301T033649Z.json.gz
ll-verify -q -s store -k keys.json -t 2026-03-01T04:00:00Z manifest.ndjson |
    jq -c '[.type, .account, .region, (.key | split("/") | last)]'
