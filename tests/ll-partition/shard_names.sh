# --shard names data files and key sidecars part-sIofN-HASH; the rows
# and their de-duplication do not change: a shard's sidecars keep rows
# out whichever shard, or none, writes them again, and an orphan
# sidecar of a shard is removed like any other.
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-5 >in
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:4-8 >more
d=out/cloudtrail/calendarday=2026-03-01
ll-partition -T cloudtrail -o out --shard 2/4 in >/dev/null
echo "rc=$?"
ls -a "$d" | sed 's/[0-9a-f]\{20\}/HASH/'
ll-partition -T cloudtrail -o out -S s1 in >/dev/null
ll-partition -T cloudtrail -o out --shard 0/4 -S s2 more >/dev/null
jq -c '{duplicate: .reasons.duplicate, rows_written}' s1 s2
ls -a "$d" | sed 's/[0-9a-f]\{20\}/HASH/'
rm "$d"/part-s0of4-*.parquet
ll-partition -T cloudtrail -o out --shard 0/4 -S s3 more >/dev/null
jq -c '{orphan_keys_removed, rows_written}' s3
ll-partition -T cloudtrail -o out --shard 1 in
echo "--shard 1: rc=$?"
ll-partition -T cloudtrail -o out --shard 4/4 in
echo "--shard 4/4: rc=$?"
# No letter for --shard (-I is --indicators elsewhere), and no shard in
# a table's DDL.
ll-partition -T cloudtrail -o out -I 1/4 in 2>/dev/null
echo "-I 1/4: rc=$?"
ll-partition -T cloudtrail -o s3://bucket/lake/ -d athena --shard 1/4
echo "ddl: rc=$?"
