# Further partition keys: values are escaped Hive-style in the path, kept
# exact in the record; a row without a usable value is rejected.  The
# files hold neither partition column.
. "$TOP/tests/lib/duckdb.sh"
printf '%s\n' \
 '{"event_id":"1","calendarday":"2026-03-01","owner":"111122223333","message":"a"}' \
 '{"event_id":"2","calendarday":"2026-03-01","owner":"a/b c%","message":"b"}' \
 '{"event_id":"3","calendarday":"2026-03-01","message":"c"}' \
 '{"event_id":"4","calendarday":"2026-03-01","owner":"","message":"d"}' \
 '{"event_id":"5","calendarday":"2026-03-01","owner":7,"message":"e"}' >in
ll-partition -T cloudwatch -o out -p calendarday,owner -S stats.json in
echo "rc=$?"
find out -name '*.parquet' | sed 's/[0-9a-f]\{20\}/HASH/' | sort
q "SELECT event_id, message, calendarday, owner
    FROM read_parquet('out/cloudwatch/*/*/*.parquet', hive_partitioning = true)
    ORDER BY event_id" \
    "SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet(
    'out/cloudwatch/*/*/*.parquet', hive_partitioning = false))
    WHERE column_name IN ('owner', 'calendarday')"
jq -c '{rejected,reasons}' stats.json
