# A second, independent reader (hyparquet) makes of the files exactly
# what DuckDB does: rows of several types (timestamps, booleans from
# strings too), nulls, long strings, several row groups; its summary
# checks every chunk's null count.
. "$TOP/tests/lib/duckdb.sh"
if [ ! -d "$TOP/tests/duckdb/node_modules/hyparquet" ]; then
	echo "hyparquet missing: (cd tests/duckdb && npm ci)" >&2
	exit 77
fi
python3 - <<'X' >in
import json
for i in range(30000):
    r = {"eventid": "e-%05d" % i, "calendarday": "2026-03-0%d" % (1 + i % 2),
         "eventname": None if i % 3 == 0 else "N\u00e9%d" % (i % 11),
         "readonly": None if i % 4 == 0 else i % 3 == 0,
         "useragent": "u" * (i % 300) + "\u65e5" * (i % 5),
         "eventtime": None if i % 9 == 0 else "2026-03-0%dT%02d:%02d:%02d.%03dZ"
             % (1 + i % 2, i // 3600 % 24, i // 60 % 60, i % 60, i * 7 % 1000),
         "useridentity_sessioncontext_attributes_mfaauthenticated":
             [None, "true", "false"][i % 3],
         "sessioncredentialfromconsole": None if i % 5 else "true"}
    if i == 7:
        r["requestparameters"] = {"big": "b" * 70000}
    print(json.dumps(r))
X
ll-partition -T cloudtrail -o out -b 256K in >/dev/null
echo "rc=$?"
for f in out/cloudtrail/*/part-*.parquet; do
	pq "$f" >hy.out
	tail -n1 hy.out | jq -c 'del(.created_by)'
	sed '$d' hy.out >hy.rows
	q "SELECT to_json(t) FROM (SELECT * REPLACE (strftime(eventtime
	    AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS eventtime)
	    FROM read_parquet('$f', hive_partitioning = false)) t" >dd.rows
	python3 -c '
import json, sys
a = [json.loads(l) for l in open("hy.rows")]
b = [json.loads(json.loads(l)[0]) for l in open("dd.rows")]
print("same rows:", len(a), a == b)'
done
