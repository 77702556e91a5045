# What a killed run (or a full disk) left in a partition is removed when
# a later run writes to it (ll-partition(1), FILES): unlocked temporary
# data files and key sidecars of ll-partition's own names.  A file a
# live writer holds locked, a name not of the pattern, and a link named
# like a temporary file (and what it points at) are left alone.
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-5 >in
d=out/cloudtrail/calendarday=2026-03-01
mkdir -p "$d"
echo keep >victim
head -c 100000 /dev/zero >"$d/.part-open.parquet.tmp.AbC123"
head -c 100000 /dev/zero >"$d/.part-open.json.gz.tmp.Qw3rty"
head -c 100000 /dev/zero >"$d/.part-0123456789abcdef0123.keys.tmp.Zz9Yy8"
head -c 100000 /dev/zero >"$d/.part-open.parquet.tmp.LcK123"
ln -s "$PWD/victim" "$d/.part-open.parquet.tmp.LnK123"
echo notes >"$d/notes.tmp.AbC123"
echo notes >"$d/.part-open.parquet.tmp.toolong1"
flock "$d/.part-open.parquet.tmp.LcK123" sleep 30 &
locker=$!
sleep 0.5
ll-partition -T cloudtrail -o out -S st in >/dev/null
echo "rc=$?"
kill $locker
ls -A "$d" | sed 's/[0-9a-f]\{20\}/HASH/' | sort
cat victim
jq -c '{temporary_files_removed, rows_written}' st
