# A key file without its data file (a crash between the two renames) is
# removed, so its keys cannot hide rows that were never written; so is
# a temporary file that no live writer holds (leftovers.sh has more).
. "$TOP/tests/lib/duckdb.sh"
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-5 >in
d=out/cloudtrail/calendarday=2026-03-01
ll-partition -T cloudtrail -o out in >/dev/null
rm "$d"/part-*.parquet
: >"$d/.part-open.parquet.tmp.AbC123"
ll-partition -T cloudtrail -o out -S stats.json in >recs
echo "rc=$?"
jq -c '{files,records,duplicates}' recs
jq -c '{orphan_keys_removed,rows_written}' stats.json
ls -a "$d" | sed 's/[0-9a-f]\{20\}/HASH/'
q "SELECT count(*) FROM read_parquet('$d/part-*.parquet')"
