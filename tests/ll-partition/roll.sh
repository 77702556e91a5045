# Files roll at the target size; each is whole gzip, rows are neither
# lost nor repeated, and the names depend only on the rows: the same
# input in a fresh tree gives the same files.
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-2000 >in
ll-partition -t cloudtrail -o a -s 8K in >/dev/null
echo "rc=$?"
ll-partition -t cloudtrail -o b -s 8K in | jq -c '{files,records}'
d=a/cloudtrail/calendarday=2026-03-01
ls "$d" | grep -c '^part-.*\.json\.gz$'
ls -a "$d" | grep -c '^\.part-.*\.keys$'
for f in "$d"/part-*; do gzip -t "$f" || echo "bad $f"; done
zcat "$d"/part-* | jq -r .eventid | sort | uniq -d | wc -l
zcat "$d"/part-* | wc -l
small=0
for f in "$d"/part-*; do
	[ "$(wc -c <"$f")" -lt 8192 ] && small=$((small + 1))
done
echo "files under 8K: $small"
(cd a && find . -type f | sort) >la
(cd b && find . -type f | sort) >lb
cmp la lb && echo same names
