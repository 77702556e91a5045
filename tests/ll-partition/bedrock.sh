# Bedrock's table from a generated bucket, as the pipeline builds it:
# the listing files objects by kind, ll-splitjson -T bedrock takes a
# record a line, ll-partition -F writes Parquet and JSON lines.  DuckDB,
# through the DDL ll-partition prints, finds the generator's ground
# truth (calls per day and per model, failures, tokens, re-deliveries
# left out) in both formats, with the same values and types; hyparquet
# reads the Parquet files to the same rows.
. "$TOP/tests/lib/duckdb.sh"
python3 "$TOP/scripts/dev/gen-sample" --events 300 --invocations 600 raw \
    >/dev/null
ll-fetch -l raw/bedrock >listing
jq -r .kind listing | sort | uniq -c | awk '{ print $2, $1 }'
jq -c '[.bedrock_objects, .bedrock_body_objects, .bedrock_check_objects]' \
    raw/expected.json
ll-filter -w '.kind = bedrock' listing | jq -r '.url | ltrimstr("file://")' |
    sort >br.list
for f in parquet json; do
	xargs ll-splitjson -T bedrock -s source_object <br.list |
	    ll-partition -F -f $f -T bedrock -o $f -S $f.stats >/dev/null
	ll-partition -f $f -T bedrock -o $f -n br_$f -d duckdb >>views.sql
done
jq -c '{rows_written, reasons}' parquet.stats
jq -c '[.bedrock_records - .bedrock_records_unique]' raw/expected.json
node "$TOP/tests/duckdb/sql.mjs" views.sql -- \
    "SELECT json_group_object(calendarday, n) FROM (SELECT calendarday,
	count(*) n FROM br_parquet GROUP BY 1 ORDER BY 1)" \
    "SELECT json_group_object(modelid, n) FROM (SELECT modelid, count(*) n
	FROM br_parquet GROUP BY 1 ORDER BY 1)" \
    "SELECT count(*) FILTER (errorcode IS NOT NULL), sum(input_token_count),
	sum(output_token_count) FROM br_parquet" \
    "SELECT (SELECT count(*) FROM (SELECT * FROM br_parquet EXCEPT ALL
	SELECT * FROM br_json)), (SELECT count(*) FROM (SELECT * FROM br_json
	EXCEPT ALL SELECT * FROM br_parquet))" \
    "SELECT column_name, column_type FROM (DESCRIBE br_json)
	WHERE column_type <> 'VARCHAR'" >answers
python3 - raw/expected.json answers <<'X'
import json, sys
e = json.load(open(sys.argv[1]))
a = [json.loads(l) for l in open(sys.argv[2])]
def check(name, got, want):
    print(("ok " if got == want else "MISMATCH ") + name +
          ("" if got == want else ": got %r, want %r" % (got, want)))
check("calls per day", {k: int(v) for k, v in json.loads(a[0][0]).items()},
      e["bedrock_per_day_unique"])
check("calls per model", {k: int(v) for k, v in json.loads(a[1][0]).items()},
      e["bedrock_per_model"])
check("failures, tokens", [int(v) for v in a[2]], [e["bedrock_errors"],
      e["bedrock_tokens"]["input"], e["bedrock_tokens"]["output"]])
check("Parquet and JSON lines alike", a[3], ["0", "0"])
for r in a[4:]:
    print(r)
X
for f in parquet/bedrock/*/part-*.parquet; do
	pq "$f" | sed '$d' >hy.rows
	q "SELECT to_json(t) FROM (SELECT * REPLACE (strftime(timestamp
	    AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS timestamp)
	    FROM read_parquet('$f', hive_partitioning = false)) t" >dd.rows
	python3 -c '
import json
a = [json.loads(l) for l in open("hy.rows")]
b = [json.loads(json.loads(l)[0]) for l in open("dd.rows")]
# hyparquet gives 64-bit integers as text (pq.mjs), DuckDB as numbers.
b = [{k: str(v) if type(v) is int else v for k, v in r.items()} for r in b]
print("hyparquet, same rows:", len(a), a == b)'
done
