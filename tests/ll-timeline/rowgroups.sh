# Row groups whose time statistics lie outside the window are not read:
# with a row group per row, a window of an hour reads one; their min and
# max are taken from the footer, as text (eventtime) and as integers.
. "$TOP/tests/lib/timeline.sh"
mklake . -b 1
ll-timeline -D lake -f 2026-03-01T11:00:00Z -t 2026-03-01T11:59:59Z \
    -o ndjson -S stats.json | jq -r '[.time, .table] | @tsv'
jq -c '{records_in, rowgroups, rowgroups_pruned}' stats.json
ll-timeline -D lake -f 2026-03-01T10:00:03.250Z -t 2026-03-01T10:00:04Z \
    -o ndjson -S stats.json | jq -r '[.time, .table] | @tsv'
jq -c '{records_in, rowgroups, rowgroups_pruned}' stats.json
