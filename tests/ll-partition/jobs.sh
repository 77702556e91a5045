# --encoders 1 (one thread) and the default (row groups sorted, encoded and
# written by a thread while the next rows are read, pages compressed by
# another and by the first while it waits) write the same bytes: a
# generated workload with 52 event names and large request parameters,
# several days, several row groups (-b 1M), dictionaries given up
# midway, and files rolled at a size (-s 400K) that a row group in the
# thread may cross.
gen-sample --events 3000 --names 52 --large-share 0.2 --large-bytes 3000 \
    --invocations 0 raw >/dev/null
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort |
    xargs ll-splitjson -e Records -s source_object >in
ll-partition -F --encoders=1 -b 1M -T cloudtrail -o one in >/dev/null
echo "rc=$?"
ll-partition -F -b 1M -T cloudtrail -o two in >/dev/null
echo "rc=$?"
ll-partition -F --encoders 2 -b 1M -T cloudtrail -o three in >/dev/null
echo "rc=$?"
find one -name '*.parquet' | wc -l | tr -d ' '
diff -r one two && diff -r one three && echo "same bytes"
ll-partition -F --encoders=1 -b 256K -s 400K -T cloudtrail -o roll1 in >/dev/null
ll-partition -F -b 256K -s 400K -T cloudtrail -o roll2 in >/dev/null
find roll1 -name '*.parquet' | wc -l | tr -d ' '
diff -r roll1 roll2 && echo "same bytes, rolled"
# More rows in than rows written would mean the comparison saw nothing.
wc -l <in | tr -d ' '
. "$TOP/tests/lib/duckdb.sh"
q "SELECT count(*), count(DISTINCT eventname)
    FROM read_parquet('one/cloudtrail/*/*.parquet')" \
    "SELECT count(DISTINCT (file_name, row_group_id))
    FROM parquet_metadata('one/cloudtrail/*/*.parquet')"
ll-partition --encoders 3 -T cloudtrail -o x in 2>&1 >/dev/null | head -n1
