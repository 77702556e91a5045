# -D reads the lake's session_review partitions for --from..--to, every
# file in each (gzip or not) except hidden temporaries; a day without a
# partition has no sessions.  -D also takes ll-pipeline's -D directory
# (the lake is its lake/).  Rows from standard input are kept to the
# days asked for too, and those outside are counted.
. "$TOP/tests/ll-report/lib/common.sh"
for d in 2026-03-01 2026-03-02; do
	mkdir -p "root/lake/session_review/calendarday=$d"
	jq -c "select(.calendarday == \"$d\")" rows.ndjson |
	    gzip -n >"root/lake/session_review/calendarday=$d/part-review.json.gz"
done
echo '{"eventtime": "2026-03-02T10:00:00Z", "eventid": "tmp"}' \
    >"root/lake/session_review/calendarday=2026-03-02/.part.tmp.123"
pages -H managers.conf -D root/lake -f 2026-03-01 -t 2026-03-03 -o a \
    -S stats.json
jq -c '{records_in, sessions, duplicates}' stats.json
pages -H managers.conf -D root -f 2026-03-02 -o b
head -n 3 b/unassigned/review.md
pages -H managers.conf -f 2026-03-02 -o c -S stats.json <rows.ndjson
jq -c '{records_in, sessions, outside_range}' stats.json
cmp b/ops-lead/review.csv c/ops-lead/review.csv && echo "lake and stdin agree"
ll-report -D nowhere -f 2026-03-01 -o d
echo "rc=$?"
