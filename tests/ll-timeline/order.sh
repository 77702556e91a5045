# One stream in time order across tables: three tables, two days, rows
# that interleave, two that tie at an instant (ordered by table name),
# Parquet and gzip JSON lines side by side, each record with the common
# columns and its full row (partition value in its place).  Windows of
# days and of times, tables chosen by name, and days outside the window
# never opened.
. "$TOP/tests/lib/timeline.sh"
mklake .
ll-timeline -D lake -g 10.0.3.17 -x -o ndjson
echo "rc=$?"
# Every row, no indicator.
ll-timeline -D lake -o ndjson | jq -r '[.time, .table, .action] | @tsv'
echo "-- days, times (both ends included), an offset"
ll-timeline -D lake -f 2026-03-02 -o ndjson | jq -r .time
ll-timeline -D lake -t 2026-03-01 -o ndjson | jq -r .time | tail -n1
ll-timeline -D lake --since 2026-03-01T10:00:03.250Z \
    --until 2026-03-01T10:00:05Z -o ndjson | jq -r '[.time, .table] | @tsv'
ll-timeline -D lake -f 2026-03-01T11:00:00+01:00 -t 2026-03-01T10:00:00.001Z \
    -o ndjson | jq -r .time
echo "-- tables"
ll-timeline -D lake -T session_review -T cloudwatch -o ndjson |
    jq -r .table | sort | uniq -c
ll-timeline -D lake -T bedrock
echo "rc=$?"
# A day folder outside the window is not read, even when unreadable.
chmod 000 lake/cloudtrail/calendarday=2026-03-02
ll-timeline -D lake -t 2026-03-01 -o ndjson -S stats.json | wc -l
echo "rc=$?"
chmod 755 lake/cloudtrail/calendarday=2026-03-02
jq -c '{records_in, records_out, rowgroups}' stats.json
