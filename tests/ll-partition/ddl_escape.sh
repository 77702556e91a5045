# --ddl writes each value as its dialect reads it: Athena (Hive DDL) and
# Spark take backslash escapes, so a backslash and a quote get one;
# Trino and DuckDB double a quote and take a backslash as it is.  A
# name, location or partition key holding a control character is
# refused (exit 2), in every dialect.  DuckDB's location is a file glob,
# so its own '*', '?' and '[' are matched literally and a backslash,
# which no glob matches, is refused.  DuckDB reads a lake back from a
# folder whose name has a quote, a bracket and a star.
for d in athena trino spark duckdb glue; do
	echo "-- $d"
	loc="s3://lake/it's\\x\\'/"
	[ $d = duckdb ] && loc="s3://lake/it's x''/"
	ll-partition -T cloudtrail -L "$loc" \
	    -n "db.we\`ird\"name" -d $d | grep -e LOCATION -e location \
	    -e EXISTS -e VIEW -e read_parquet -e Location |
	    sed 's/"Columns":.*"Location"/.../'
done
for d in athena trino spark duckdb glue; do
	ll-partition -T cloudtrail -L "$(printf 's3://lake/x\ny')" -d $d
	echo "rc=$?"
done
ll-partition -T cloudtrail -L s3://lake/ -n "$(printf 't\033[2J')" -d athena
echo "rc=$?"
ll-partition -T cloudtrail -L s3://lake/ -p "$(printf 'a\tb')" -d trino
echo "rc=$?"
ll-partition -T cloudtrail -L 's3://lake/a*b?c[d]/' -d duckdb | grep read_parquet
echo "-- DuckDB reads it back"
. "$TOP/tests/lib/duckdb.sh"
dir="lake o'q[1]*"
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-5 |
    ll-partition -T cloudtrail -o "$dir" >/dev/null
ll-partition -T cloudtrail -o "$dir" -d duckdb >v.sql
node "$TOP/tests/duckdb/sql.mjs" v.sql -- \
    "SELECT count(*) FROM cloudtrail_readready"
