# No link planted in the lake is followed (ll-partition(1), FILES): a
# table folder or partition folder that is a symbolic link is refused
# with a message naming it and exit 3, and nothing is written or
# removed behind it; a key sidecar that is a link is refused too.
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-5 >in
mkdir victim
echo keep >victim/precious
: >victim/.part-0123456789abcdef0123.keys
: >victim/.part-open.parquet.tmp.AbC123
state() { ls -A victim; cat victim/precious; }

echo "== the table folder is a link"
mkdir out
ln -s ../victim out/cloudtrail
ll-partition -T cloudtrail -o out in
echo "rc=$?"
state
rm -r out

echo "== a partition folder is a link"
mkdir -p out/cloudtrail
ln -s ../../victim out/cloudtrail/calendarday=2026-03-01
ll-partition -T cloudtrail -o out in
echo "rc=$?"
state
rm -r out

echo "== a key sidecar is a link"
ll-partition -T cloudtrail -o out in >/dev/null
d=out/cloudtrail/calendarday=2026-03-01
k=$(cd "$d" && ls -A | grep keys)
rm "$d/$k"
ln -s "$PWD/victim/precious" "$d/$k"
ll-partition -T cloudtrail -o out in 2>err
echo "rc=$?"
sed 's/[0-9a-f]\{20\}/HASH/' err >&2
state
