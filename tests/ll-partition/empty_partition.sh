# Partitions without data: a batch of duplicates writes no file (never
# an empty one) and reports nothing; a day directory left empty, or one
# holding only files readers ignore, does not disturb a query.
. "$TOP/tests/lib/duckdb.sh"
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-5 2026-03-02:6-8 >in
ll-partition -T cloudtrail -o out in >/dev/null
ll-partition -T cloudtrail -o out -S stats.json in
echo "rc=$?"
jq -c '{reasons,files_written,rows_written}' stats.json
rm out/cloudtrail/calendarday=2026-03-02/part-*.parquet
mkdir out/cloudtrail/calendarday=2026-03-05
find out -type f -name '*.parquet' | wc -l
ll-partition -T cloudtrail -o out -d duckdb >view.sql
node "$TOP/tests/duckdb/sql.mjs" view.sql -- \
    "SELECT calendarday, count(*) FROM cloudtrail_readready
    GROUP BY 1 ORDER BY 1"
