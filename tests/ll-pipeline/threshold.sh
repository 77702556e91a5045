# The run exits 1 when too few source events reach the tables, and the
# reconciliation says where they went.
. "$TOP/tests/lib/lake.sh"
sample src
# Break the eventTime of every record in the first day's CloudTrail files.
find src/cloudtrail -path '*/2026/03/01/*' -name '*.json.gz' | while read -r f; do
	zcat "$f" | sed 's/"eventTime":"2026/"eventTime":"when/g' | gzip -n >"$f.new"
	mv "$f.new" "$f"
done
pipeline -D lake src/cloudtrail src/firehose 2>err
echo "rc=$?"
# Ten of them are shown, then how many more (LL_MAX_WARNINGS).
grep -c 'll-partition: <stdin>:[0-9]*: invalid eventTime' err
grep 'more like "invalid eventTime"' err
jq -c '{ok, threshold, below: (.share < 90), rejected:
    .tables.cloudtrail.rejected_by_partition}' lake/state/last-run/reconciliation.json
pipeline -D lake2 -E 0 src/cloudtrail src/firehose 2>/dev/null
echo "rc=$?"
# Objects that cannot be read at all count against the share too: each
# damaged object is one event that did not arrive (it was 100% before).
sample src3
find src3/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | while read -r f; do
	head -c 100 "$f" >"$f.new"
	mv "$f.new" "$f"
done
pipeline -D lake3 src3/cloudtrail 2>/dev/null
echo "rc=$?"
jq -c '{ok, share: (.share | floor), damaged:
    .tables.cloudtrail.damaged_objects_or_json, events:
    .tables.cloudtrail.source_events}' lake3/state/last-run/reconciliation.json
