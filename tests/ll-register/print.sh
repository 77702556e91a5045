# --print: one ALTER TABLE statement per partition record, values and
# locations quoted for Athena; no AWS needed.
cat >parts <<'X'
{"table":"cloudtrail","partition":{"calendarday":"2026-03-01"},"location":"s3://lake/readready/cloudtrail/calendarday=2026-03-01/","files":1,"records":3}
{"table":"cloudwatch","partition":{"calendarday":"2026-03-01","owner":"it's"},"location":"s3://lake/o'neil/"}
X
ll-register -P -T lake.cloudtrail_readready parts
echo "rc=$?"
