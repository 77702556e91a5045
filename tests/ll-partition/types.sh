# Column types and values in Parquet: strings decoded from JSON (escapes,
# UTF-8, NUL, empty), other JSON values in a string column kept as JSON
# text, booleans and timestamps typed, values of the wrong type nulled
# and counted, members outside the schema counted and left out, strings
# over 64 KiB whole.  DuckDB reads every value back exactly, and the
# timestamps hyparquet too.
. "$TOP/tests/lib/duckdb.sh"
python3 - <<'X' >ct
import json
rows = [
    {"eventid": "1", "calendarday": "2026-03-01"},
    {"eventid": "2", "calendarday": "2026-03-01", "eventname": "Caf\u00e9 \u2615 \u65e5\u672c \U0001F600",
     "useragent": "\"q\" back\\slash\nnew\ttab\u0000nul", "errorcode": "",
     "readonly": True, "managementevent": "false"},
    {"eventid": "3", "calendarday": "2026-03-01", "eventname": 42,
     "requestparameters": {"a": [1, 2.5, None, True], "b": {"c": "\u00e9"}},
     "errormessage": True, "readonly": "yes", "managementevent": 1, "x": "dropped"},
    {"eventid": "4", "calendarday": "2026-03-01", "readonly": False,
     "useragent": "".join(chr(0x41 + i % 26) for i in range(70000)),
     "responseelements": "z" * 100000, "y": None},
]
for r in rows:
    print(json.dumps(r, ensure_ascii=(r["eventid"] == "2")))
print('{"eventid":"5","calendarday":"2026-03-01","eventname":"\\u00e9\\ud83d\\ude00\\/"}')
X
ll-partition -T cloudtrail -o out -S ct.stats ct >/dev/null
echo "rc=$?"
jq -c '{values_nulled,columns_dropped,rows_written}' ct.stats
f="read_parquet('out/cloudtrail/*/*.parquet')"
q "SELECT eventid, eventname, useragent, errorcode, errormessage, readonly,
    managementevent, requestparameters FROM $f
    WHERE eventid IN ('1', '2', '3', '5') ORDER BY eventid" \
    "SELECT length(useragent), useragent = (SELECT string_agg(chr(CAST(65 + i % 26 AS INTEGER)),
    '' ORDER BY i) FROM range(70000) t(i)), length(responseelements),
    responseelements = repeat('z', 100000) FROM $f WHERE eventid = '4'" \
    "SELECT strlen(useragent), octet_length(encode(eventname))
    FROM $f WHERE eventid = '2'" \
    "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM $f)
    WHERE column_name IN ('eventid', 'readonly', 'managementevent')"
# Timestamps: epoch milliseconds or RFC 3339 text (any offset), in the
# years 0 to 9999; anything else nulled and counted.
printf '%s\n' \
    '{"event_id":"a","calendarday":"2026-03-01","timestamp":1772323275473}' \
    '{"event_id":"b","calendarday":"2026-03-01","timestamp":-5}' \
    '{"event_id":"c","calendarday":"2026-03-01","timestamp":253402300799999}' \
    '{"event_id":"d","calendarday":"2026-03-01","timestamp":-62167219200000}' \
    '{"event_id":"e","calendarday":"2026-03-01","timestamp":253402300800000}' \
    '{"event_id":"f","calendarday":"2026-03-01","timestamp":1.5}' \
    '{"event_id":"g","calendarday":"2026-03-01","timestamp":"123"}' \
    '{"event_id":"h","calendarday":"2026-03-01","timestamp":"2026-03-01T12:00:00.25+02:00"}' \
    '{"event_id":"i","calendarday":"2026-03-01","timestamp":-0}' \
    '{"event_id":"j","calendarday":"2026-03-01","timestamp":null}' \
    '{"event_id":"k","calendarday":"2026-03-01","timestamp":9223372036854775807}' \
    '{"event_id":"l","calendarday":"2026-03-01","timestamp":"2026-03-01\u005410:00:00Z"}' >cw
ll-partition -T cloudwatch -o out -S cw.stats cw >/dev/null
echo "rc=$?"
jq -c '{values_nulled,rows_written}' cw.stats
f="out/cloudwatch/calendarday=2026-03-01/part-*.parquet"
q "SET TimeZone = 'UTC'" "SELECT event_id, epoch_ms(timestamp),
    strftime(timestamp, '%Y-%m-%dT%H:%M:%S.%gZ'), typeof(timestamp)
    FROM read_parquet('$f') ORDER BY event_id" \
    "SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count
    FROM parquet_metadata('$f') WHERE path_in_schema IN ('timestamp',
    'event_id', 'sessionid') ORDER BY 1"
pq $f | jq -c 'select(.event_id != null) | [.event_id, .timestamp]'
