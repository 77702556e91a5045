# The data is committed before the records are written; a full stdout
# is still an I/O error.
. "$TOP/tests/lib/duckdb.sh"
printf '{"eventid":"1","calendarday":"2026-03-01"}\n' |
    ll-partition -T cloudtrail -o out >/dev/full
echo "rc=$?"
q "SELECT eventid FROM read_parquet('out/cloudtrail/*/*.parquet')"
