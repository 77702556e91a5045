# Valid JSON past jansson's limits: a number beyond the range of a
# double, a NUL in an object key, nesting 3000 deep.  ll-splitjson and
# ll-flatten keep such records byte for byte; ll-filter, which matches
# jansson's verdicts, rejects them with their position and quarantines
# them verbatim (never a silent drop).  A 23-digit integer is within
# the limits and passes everywhere.
python3 - >in <<'PY'
deep = "[" * 3000 + "]" * 3000
t = ('{"eventTime":"2026-03-01T10:00:00Z","eventID":"%s",'
     '"eventName":"X","requestParameters":%s}')
print(t % ("1", '{"n":1}'))
print(t % ("2", '{"n":1e99999}'))
print(t % ("3", '{"k\\u0000":"v"}'))
print(t % ("4", '{"d":%s}' % deep))
print(t % ("5", '{"n":-12345678901234567890123}'))
PY
printf '{"Records":[%s]}' "$(paste -sd, in)" | gzip >trail.json.gz
ll-splitjson -e Records trail.json.gz >split
echo "ll-splitjson rc=$?"
cmp split in && echo "split: the five records, byte for byte"
ll-filter -w '.eventName = X' -r rej -S stats split >kept
echo "ll-filter rc=$?"
jq -r .eventID kept
sed -n 2,4p in | cmp - rej && echo "rejects: records 2 to 4, verbatim"
jq -c '{records_in, records_out, rejected, reasons}' stats
ll-flatten -T cloudtrail split >flat
echo "ll-flatten rc=$?"
jq -c '[.eventid, (.requestparameters | .[0:30])]' flat
