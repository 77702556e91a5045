# Every column type the lake's Parquet writer has (string, boolean,
# timestamp, bigint) reads back exactly: rows with hostile strings (escapes,
# UTF-8, NUL, controls, bidi, empty, 70 KB), both booleans, the int64
# extremes and nulls go through ll-partition, in small row groups so
# strings leave their dictionary mid-chunk, and ll-filter gives back the
# very rows that went in, calendarday (only the path holds it) in its
# place.  DuckDB reading the same files agrees value for value.  The
# gzip JSON lines format reads back the same way through ll-timeline.
. "$TOP/tests/lib/duckdb.sh"
python3 - <<'X'
import json
big = "".join(chr(0x41 + i % 26) for i in range(70000))
vals = ["plain", "", "caf\u00e9 \u2615 \U0001F600", "q\"b\\s/\n\t\r\u0000\u001f\u007f",
        "\u202eevil", big, None]
ints = [0, 1, -1, 9223372036854775807, -9223372036854775808, None]
bools = [True, False, None]
day = lambda i: "2026-03-%02d" % (1 + i // 1500)
with open("ct", "w") as f:
    for i in range(3000):
        print(json.dumps({
            "eventtime": "%sT%02d:%02d:%02d.%03dZ" % (day(i), i // 3600 % 24, i // 60 % 60, i % 60, i % 1000),
            "eventname": vals[i % len(vals)] if i < 60 else "n%d" % (i % 13),
            "requestparameters": json.dumps({"i": i, "s": vals[i % 5]}),
            "eventid": "e%05d" % i, "readonly": bools[i % 3],
            "managementevent": bools[(i + 1) % 3], "calendarday": day(i)},
            ensure_ascii=i % 2 == 0), file=f)
with open("cw", "w") as f:
    for i in range(3000):
        print(json.dumps({
            "timestamp": "%sT10:00:%02d.%03dZ" % (day(i), i % 60, i % 1000),
            "requestid": "w%05d" % i,
            "modelid": vals[i % len(vals)] if i < 60 else "m%d" % (i % 7),
            "input_token_count": ints[i % len(ints)],
            "accountid": "111122223333", "calendarday": day(i)},
            ensure_ascii=i % 2 == 1), file=f)
X
ll-partition -T cloudtrail -o out -b 64K ct >/dev/null &&
    ll-partition -T bedrock -o out -b 16K cw >/dev/null
echo "rc=$?"
ls out/*
q "SELECT count(DISTINCT (file_name, row_group_id)), string_agg(DISTINCT
    encodings, ' ' ORDER BY encodings) FROM parquet_metadata('out/*/*/*.parquet')"
for t in cloudtrail bedrock; do
	ll-filter out/$t/*/*.parquet >$t.back
	echo "$t rc=$?"
done
# Each row that went in, with the table's other columns null, against
# the row that came back.
python3 - <<'X'
import json
for t, src, key in (("cloudtrail", "ct", "eventid"), ("bedrock", "cw", "requestid")):
    want = {json.loads(l)[key]: json.loads(l) for l in open(src)}
    got = [json.loads(l) for l in open(t + ".back")]
    names = list(got[0])
    same = sum({k: want[g[key]].get(k) for k in names} == g for g in got)
    print(t, "rows", len(want), len(got), "identical", same,
          "calendarday after", names[names.index("calendarday") - 1])
X
# DuckDB reads the same values.
for t in cloudtrail bedrock; do
	q "SELECT to_json(t)::VARCHAR FROM read_parquet('out/$t/*/*.parquet',
	    hive_partitioning = false) t" >$t.duck
done
python3 - <<'X'
import datetime, json
# DuckDB writes a time as "2026-03-01 10:00:01.5+00", ours as ISO 8601.
def when(v):
    return datetime.datetime.fromisoformat(v.replace("Z", "+00:00")
                                           .replace(" ", "T"))
for t, tcol in (("cloudtrail", "eventtime"), ("bedrock", "timestamp")):
    ours = [json.loads(l) for l in open(t + ".back")]
    duck = [json.loads(json.loads(l)[0]) for l in open(t + ".duck")]
    for o in ours:
        del o["calendarday"]
        o[tcol] = when(o[tcol])
    for d in duck:
        d[tcol] = when(d[tcol])
    print(t, "duckdb rows", len(duck), "differing",
          sum(o != d for o, d in zip(ours, duck)))
X
# The gzip JSON lines format, read back by ll-timeline: the same rows.
ll-partition -T cloudtrail -f json -o js ct >/dev/null
ll-timeline -D js -o ndjson | jq -c .record >js.back
python3 - <<'X'
import json
want = {json.loads(l)["eventid"]: json.loads(l) for l in open("ct")}
got = [json.loads(l) for l in open("js.back")]
print("json lines rows", len(got), "identical",
      sum(want[g["eventid"]] == g for g in got))
X
