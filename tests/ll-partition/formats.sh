# The same generated bucket into a Parquet table and a JSON lines table:
# DuckDB, reading each through the DDL ll-partition prints, finds the
# same rows in both, value for value, and the same types.
. "$TOP/tests/lib/duckdb.sh"
python3 "$TOP/scripts/dev/gen-sample" --events 1500 raw >/dev/null
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort >ct.list
find raw/firehose -type f | sort >fh.list
xargs ll-splitjson -e Records -s source_object <ct.list |
    ll-flatten -T cloudtrail >ct.rows
xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    -p message -s source_object <fh.list |
    ll-flatten -T cloudwatch >cw.rows
for f in parquet json; do
	ll-partition -f $f -T cloudtrail -o $f ct.rows >/dev/null
	ll-partition -f $f -T cloudwatch -o $f cw.rows >/dev/null
	ll-partition -f $f -T cloudtrail -o $f -n ct_$f -d duckdb >>views.sql
	ll-partition -f $f -T cloudwatch -o $f -n cw_$f -d duckdb >>views.sql
done
node "$TOP/tests/duckdb/sql.mjs" views.sql -- \
    "SELECT (SELECT count(*) FROM ct_parquet), (SELECT count(*) FROM ct_json),
    (SELECT count(*) FROM cw_parquet), (SELECT count(*) FROM cw_json)" \
    "SELECT (SELECT count(*) FROM (SELECT * FROM ct_parquet EXCEPT ALL
    SELECT * FROM ct_json)), (SELECT count(*) FROM (SELECT * FROM ct_json
    EXCEPT ALL SELECT * FROM ct_parquet)), (SELECT count(*) FROM (SELECT *
    FROM cw_parquet EXCEPT ALL SELECT * FROM cw_json)), (SELECT count(*)
    FROM (SELECT * FROM cw_json EXCEPT ALL SELECT * FROM cw_parquet))"
jq -c '[.events_unique, .log_events_unique]' raw/expected.json
# The typed columns have their types in both formats.
node "$TOP/tests/duckdb/sql.mjs" views.sql -- \
    "SELECT v, column_name, column_type FROM (SELECT 'ct_parquet' v, *
    FROM (DESCRIBE ct_parquet) UNION ALL SELECT 'ct_json', *
    FROM (DESCRIBE ct_json) UNION ALL SELECT 'cw_parquet', *
    FROM (DESCRIBE cw_parquet) UNION ALL SELECT 'cw_json', *
    FROM (DESCRIBE cw_json)) WHERE column_type <> 'VARCHAR' ORDER BY 1, 2"
