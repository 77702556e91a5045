# Files roll at about the target size; each is a whole Parquet file,
# rows are neither lost nor repeated, and the names depend only on the
# rows: the same input in a fresh tree gives the same files.
. "$TOP/tests/lib/duckdb.sh"
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-20000 >in
ll-partition -T cloudtrail -o a -s 64K in >/dev/null
echo "rc=$?"
ll-partition -T cloudtrail -o b -s 64K in | jq -c '{files,records}'
d=a/cloudtrail/calendarday=2026-03-01
n=$(ls "$d" | grep -c '^part-.*\.parquet$')
[ "$n" -gt 2 ] && echo "more than two files"
[ "$(ls -a "$d" | grep -c '^\.part-.*\.keys$')" = "$n" ] && echo "one key file each"
big=0
for f in "$d"/part-*; do
	[ "$(head -c 4 "$f")" = PAR1 ] && [ "$(tail -c 4 "$f")" = PAR1 ] ||
	    echo "bad $f"
	[ "$(wc -c <"$f")" -gt 98304 ] && big=$((big + 1))
done
echo "files over 96K: $big"
q "SELECT count(*), count(DISTINCT eventid) FROM read_parquet('$d/*.parquet')"
(cd a && find . -type f | sort) >la
(cd b && find . -type f | sort) >lb
cmp la lb && echo same names
for f in $(cat la); do cmp "a/$f" "b/$f" || echo "differs: $f"; done
