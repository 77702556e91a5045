# A file of several row groups and pages: 60000 rows with -g 4M (bytes
# of a row group before compression).  Every row comes back; the unique
# strings leave their dictionary for PLAIN in the middle of a column
# chunk; each chunk's null count, min and max in the footer agree with
# the rows of its row group.
. "$TOP/tests/lib/duckdb.sh"
python3 - <<'X' >in
import hashlib, json
for i in range(60000):
    h = hashlib.sha256(str(i).encode()).hexdigest()
    print(json.dumps({
        "eventid": "e-%06d" % i, "calendarday": "2026-03-01",
        "eventtime": "2026-03-01T%02d:%02d:%02dZ" % (i // 3600 % 24, i // 60 % 60, i % 60),
        "eventname": None if i % 7 == 0 else "Name%d" % (i % 40),
        "requestparameters": '{"n":%d,"h":"%s%s"}' % (i, h, h),
        "readonly": None if i % 5 == 0 else i % 2 == 0}))
X
ll-partition -T cloudtrail -o out -b 4M in >/dev/null
echo "rc=$?"
f=$(ls out/cloudtrail/calendarday=2026-03-01/part-*.parquet)
q "SELECT count(*), count(DISTINCT eventid), count(eventname),
    count(DISTINCT eventname), count(readonly), count(*) FILTER (readonly),
    sum(CAST(json_extract(requestparameters, '$.n') AS BIGINT))
    FROM read_parquet('$f')" \
    "SELECT count(*) > 1, sum(n) FROM (SELECT DISTINCT row_group_id,
    row_group_num_rows n FROM parquet_metadata('$f'))" \
    "SELECT path_in_schema, encodings FROM parquet_metadata('$f')
    WHERE row_group_id = 0 AND path_in_schema IN ('eventid', 'eventname',
    'requestparameters', 'readonly') ORDER BY 1" \
    "SELECT count(*) FROM parquet_metadata('$f')
    WHERE path_in_schema = 'requestparameters'
    AND total_uncompressed_size > 2 * 1048576" \
    "WITH g AS (SELECT DISTINCT row_group_id, row_group_num_rows n
    FROM parquet_metadata('$f')), b AS (SELECT row_group_id,
    sum(n) OVER (ORDER BY row_group_id) - n lo, sum(n) OVER
    (ORDER BY row_group_id) hi FROM g), r AS (SELECT b.row_group_id g,
    min(eventname) mn, max(eventname) mx, count(*) - count(eventname) nn,
    min(eventtime) tmn, max(eventtime) tmx
    FROM read_parquet('$f', file_row_number = true) t JOIN b
    ON t.file_row_number >= b.lo AND t.file_row_number < b.hi GROUP BY 1),
    m AS (SELECT row_group_id g, path_in_schema p, stats_min_value smin,
    stats_max_value smax, stats_null_count sn FROM parquet_metadata('$f'))
    SELECT count(*) FILTER (e.smin = r.mn AND e.smax = r.mx
    AND e.sn = r.nn AND t.smin = r.tmn AND t.smax = r.tmx
    AND t.sn = 0), count(*) FROM r JOIN m e ON e.g = r.g
    AND e.p = 'eventname' JOIN m t ON t.g = r.g AND t.p = 'eventtime'"
# Row groups end where the rows say, not where the compression thread
# happens to be: a second run writes the same bytes.
ll-partition -T cloudtrail -o out2 -b 4M in >/dev/null
cmp "$f" out2/cloudtrail/calendarday=2026-03-01/part-*.parquet &&
    echo "same bytes"
