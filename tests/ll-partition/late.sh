# A late batch adds to the day partition that exists already, without
# the duplicates it brings, and opens a new day; a re-run of that batch
# adds nothing and reports no partition, or with -A every partition it
# touched, with no files (what a job redone after a failure needs).
. "$TOP/tests/lib/duckdb.sh"
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-50 2026-03-02:51-80 >b1
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:45-60 2026-03-03:81-90 \
    2026-03-02:80-80 >b2
ll-partition -T cloudtrail -o out b1
echo "rc=$?"
ll-partition -T cloudtrail -o out -S stats.json b2
echo "rc=$?"
jq -c '{records_in,reasons,rows_written}' stats.json
ll-partition -T cloudtrail -o out -S stats.json b2
echo "rc=$?"
jq -c '{records_in,reasons,rows_written}' stats.json
ll-partition -A -T cloudtrail -o out b2 | jq -c '[.partition.calendarday,
    .files, .records, .duplicates]'
for d in out/cloudtrail/*/; do
	echo "$d: $(ls "$d" | grep -c '^part-.*\.parquet$') files"
done
q "SELECT calendarday, count(*), count(DISTINCT eventid), min(eventid),
    max(eventid) FROM read_parquet('out/cloudtrail/*/*.parquet')
    GROUP BY 1 ORDER BY 1"
