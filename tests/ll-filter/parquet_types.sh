# The types and encodings other writers use, and our writer will: files
# DuckDB writes (data pages of both formats; gzip, Snappy, ZSTD, none;
# dictionaries, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
# BYTE_STREAM_SPLIT) with 32- and 64-bit integers signed and unsigned,
# booleans, doubles, floats, UTC timestamps in milli- and microseconds,
# dates and strings, a tenth of them null, read back as DuckDB reads
# them: timestamps as RFC 3339 text to the millisecond (microseconds
# where a value has them), floats in their shortest exact form.  What the reader does not know is refused,
# naming the column and what it is, and fails the run.
. "$TOP/tests/lib/duckdb.sh"
cat >mk.sql <<'X'
SET TimeZone = 'UTC';
CREATE TABLE t AS SELECT i AS id,
    CASE WHEN i % 10 = 1 THEN NULL ELSE (i * 7919 % 100003 - 50000)::INTEGER END AS i32,
    CASE WHEN i % 10 = 2 THEN NULL ELSE i * 1000000007 - 3000000000000 END AS i64,
    CASE WHEN i % 10 = 3 THEN NULL ELSE i % 3 = 0 END AS b,
    CASE WHEN i % 10 = 4 THEN NULL ELSE i / 3.0 - 700 END AS d,
    CASE WHEN i % 10 = 5 THEN NULL ELSE (i / 7.0)::FLOAT END AS f,
    CASE WHEN i % 10 = 6 THEN NULL ELSE TIMESTAMPTZ '2026-03-01 10:00:00+00'
        + to_microseconds(i * 1000123) END AS tsz,
    CASE WHEN i % 10 = 7 THEN NULL ELSE (TIMESTAMPTZ '1969-12-31 23:59:59+00'
        + to_milliseconds(i * 250))::TIMESTAMPTZ END AS tsz2,
    CASE WHEN i % 10 = 8 THEN NULL ELSE DATE '2026-03-01' + (i % 400)::INTEGER END AS dt,
    CASE WHEN i % 10 = 9 THEN NULL ELSE 'v' || (i % 37) || repeat('é', i % 3) END AS s,
    CASE WHEN i % 10 = 0 THEN NULL ELSE 'u-' || i END AS su,
    (i * 3)::UINTEGER AS u32, (18446744073709551615 - i)::UBIGINT AS u64,
    (i % 300 - 150)::SMALLINT AS i16, (i % 200 - 100)::TINYINT AS i8
    FROM range(0, 5000) r(i);
X
n=0
for opts in "COMPRESSION gzip" "COMPRESSION snappy" "COMPRESSION uncompressed" \
    "COMPRESSION snappy, PARQUET_VERSION V2" \
    "COMPRESSION gzip, PARQUET_VERSION V2, ROW_GROUP_SIZE 1000" \
    "COMPRESSION zstd" "COMPRESSION zstd, PARQUET_VERSION V2"; do
	n=$((n + 1))
	node "$TOP/tests/duckdb/sql.mjs" mk.sql -- \
	    "COPY t TO 't$n.parquet' (FORMAT parquet, $opts)" >/dev/null
	ll-filter t$n.parquet >t$n.ours
	echo "t$n rc=$?"
	# DuckDB's view of the same file, times as microseconds.
	node "$TOP/tests/duckdb/sql.mjs" -- "SELECT to_json(t)::VARCHAR FROM
	    (SELECT * REPLACE (epoch_us(tsz) AS tsz, epoch_us(tsz2) AS tsz2,
	    strftime(dt, '%Y-%m-%d') AS dt, u64::VARCHAR AS u64)
	    FROM read_parquet('t$n.parquet')) t" >t$n.duck
done
q "SELECT DISTINCT path_in_schema, encodings FROM parquet_metadata('t4.parquet')
    ORDER BY 1"
python3 - <<'X'
import datetime, json, struct
f32 = lambda x: None if x is None else struct.unpack("f", struct.pack("f", x))[0]
def us(s):
    if s is None:
        return None
    d, frac = s[:-1].split(".")
    t = datetime.datetime.fromisoformat(d).replace(tzinfo=datetime.timezone.utc)
    return int((t - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc))
        .total_seconds()) * 1000000 + int(frac.ljust(6, "0"))
for n in range(1, 8):
    ours = [json.loads(l) for l in open("t%d.ours" % n)]
    duck = [json.loads(json.loads(l)[0]) for l in open("t%d.duck" % n)]
    bad = 0
    for o, d in zip(ours, duck):
        o["tsz"], o["tsz2"] = us(o["tsz"]), us(o["tsz2"])
        o["u64"] = None if o["u64"] is None else str(o["u64"])
        o["f"], d["f"] = f32(o["f"]), f32(d["f"])
        bad += o != d
    print("t%d" % n, len(ours), len(duck), "differing", bad)
print(open("t1.ours").readline().strip())
print(open("t1.ours").readlines()[7].strip())
X
# Refused, each with its reason; the other inputs are still read.
for c in "12.5::DECIMAL(10,2) AS x" "'\\x00'::BLOB AS x" "[1, 2] AS x" \
    "{'a': 1} AS x" "TIME '10:00:00' AS x" "TIMESTAMP '2026-03-01' AS x" \
    "uuid() AS x" "INTERVAL 1 DAY AS x"; do
	q "COPY (SELECT 1 AS ok, $c) TO 'r.parquet' (FORMAT parquet)" >/dev/null
	ll-filter r.parquet t3.parquet >o
	echo "rc=$? rows $(wc -l <o)"
done
q "COPY (SELECT 1 AS ok) TO 'z.parquet' (FORMAT parquet, COMPRESSION brotli)" \
    >/dev/null
ll-filter z.parquet
echo "rc=$?"
# The columns our own writer is about to have: INT64 timestamps adjusted
# to UTC in milli-, micro- and nanoseconds, signed and unsigned INT64,
# made by a writer of the test's own (tests/lib/pqwrite.py) as DuckDB
# cannot; DuckDB agrees on the instants (it keeps microseconds only).
echo '[[1772359200123, 1772359200123456, 1772359200123456789, 5, -1],
    [null, -1, -1, null, null], [0, 1, 999, -9223372036854775808, 0],
    [-62135596800000, 253402300799999999, 1, 1, 1]]' |
    python3 "$TOP/tests/lib/pqwrite.py" ts.parquet \
    ms:millis,us:micros,ns:nanos,i:int,u:uint
ll-filter ts.parquet
echo "rc=$?"
q "SELECT epoch_ms(ms), epoch_us(us) FROM 'ts.parquet'"
echo '[[1]]' | python3 "$TOP/tests/lib/pqwrite.py" local.parquet t:local
ll-filter local.parquet
echo "rc=$?"
