# Duplicates are the same key: the number 123 and the string "123" are
# two keys (they hashed alike, and a row was dropped as a duplicate),
# while "ab\u0063" and "abc" spell one key.  Both outputs, and a re-run.
cat >rows <<'R'
{"eventid":"123","calendarday":"2026-03-01","a":1}
{"eventid":123,"calendarday":"2026-03-01","a":2}
{"eventid":"abc","calendarday":"2026-03-01","a":3}
{"eventid":"ab\u0063","calendarday":"2026-03-01","a":4}
R
for f in json parquet; do
	ll-partition -f $f -T cloudtrail -o $f -S st rows >/dev/null
	jq -c '{rows_written, reasons}' st
	ll-partition -f $f -T cloudtrail -o $f -S st rows >/dev/null
	jq -c '{rows_written, reasons}' st
done
ll-ungz json/cloudtrail/*/*.json.gz | jq -c '[.eventid, .a]'
