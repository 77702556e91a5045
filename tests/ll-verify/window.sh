# --from limits the run to the days from then (as the pipeline fetches
# a window): what lies before is not read, and a digest or log file
# named from before the window is no finding when absent.  --objects
# lists only the objects of the window.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T20:36:49Z \
    --hours 8 --key k1
ll-verify -q -s store -k keys.json -f 2026-03-02 -o obj -S st manifest.ndjson
echo "rc=$?"
jq -r '.url | split("/") | .[7:10] | join("-")' obj | sort | uniq -c
jq -c '{digests_validated, log_files_validated}' st
echo "== the day before deleted"
for f in $(cd store/$B && find AWSLogs -path '*/2026/03/01/*' -type f); do
	gone "$f"
done
ll-verify -q -s store -k keys.json -f 2026-03-02 -S st manifest.ndjson
echo "rc=$?"
jq -c '{chains_before_window, listed_before_window, digests_validated}' st
echo "== and without --from"
ll-verify -q -s store -k keys.json manifest.ndjson | show
