# A source rooted at the AWSLogs folder itself, or at one account's
# folder, as one naturally types for a local copy, is CloudTrail: its
# files are processed into the same rows per day as from the bucket's
# root (source_object names the copy, so only the counts compare).
. "$TOP/tests/lib/lake.sh"
sample src
pipeline -D whole src/cloudtrail
pipeline -D rooted src/cloudtrail/AWSLogs
echo "rc=$?"
jq -c '{ok, kinds: (.objects.kinds | map_values(map_values(.objects)))}' \
    rooted/state/last-run/reconciliation.json
lake_digest whole/lake | cut -d' ' -f1,2 >whole.counts
lake_digest rooted/lake | cut -d' ' -f1,2 | cmp - whole.counts &&
    echo "same rows per day"
pipeline -D account src/cloudtrail/AWSLogs/945087558021
echo "rc=$?"
jq -c '{ok, kinds: (.objects.kinds | map_values(map_values(.objects))),
    rows: .tables.cloudtrail.rows_written}' \
    account/state/last-run/reconciliation.json
