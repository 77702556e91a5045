# A Parquet file of the lake is not JSON text: one message naming the
# readers that take it, counted, exit 1, in place of a parse error every
# few hundred bytes; the other inputs are still split, and so is
# standard input.
echo '{"eventtime":"2026-03-01T10:00:00Z","eventname":"A","eventid":"e1","calendarday":"2026-03-01"}' >ct
ll-partition -T cloudtrail -o out ct >/dev/null
cp out/cloudtrail/calendarday=2026-03-01/*.parquet p.parquet
echo '{"Records":[{"a":1}]}' >good.json
ll-splitjson -e Records -S stats.json p.parquet good.json
echo "rc=$?"
jq -c '{records_in, records_out, reasons}' stats.json
ll-splitjson <p.parquet
echo "rc=$?"
