# With one partition open at a time, switching days closes files early,
# but keys written before still catch the duplicates that come later.
. "$TOP/tests/lib/duckdb.sh"
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-2 2026-03-02:3-4 \
    2026-03-01:1-3 2026-03-02:4-5 2026-03-01:6-6 >in
ll-partition -T cloudtrail -o out -N 1 -S stats.json in | jq -c '{partition,files,records,duplicates}'
jq -c '{reasons,files_written,rows_written}' stats.json
q "SELECT string_agg(eventid, ' ' ORDER BY eventid) FROM
    read_parquet('out/cloudtrail/calendarday=2026-03-01/*.parquet')"
