# Bad lines between good ones: good rows are written, bad ones reported,
# counted and quarantined, and the exit status says so.
. "$TOP/tests/lib/duckdb.sh"
printf '%s\n' '{"eventid":"1","calendarday":"2026-03-01"}' '{"eventid":' \
    '"str"' '{"calendarday":"2026-03-01"}' '{"eventid":"","calendarday":"2026-03-01"}' \
    '{"eventid":"2"}' '{"eventid":"3","calendarday":null}' '' \
    '{"eventid":4,"calendarday":"2026-03-01"}' \
    '{"eventid":"5","calendarday":"2026\u002d03-01"}' >in
ll-partition -T cloudtrail -o out -r rejects -S stats.json in >recs
echo "rc=$?"
jq -c '{partition,records}' recs
cat rejects
jq -c '{records_in,rejected,reasons,rows_written}' stats.json
q "SELECT eventid FROM read_parquet('out/cloudtrail/*/*.parquet')
    ORDER BY eventid"
