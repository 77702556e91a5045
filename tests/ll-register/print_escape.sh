# --print writes values as Athena's DDL (Hive) reads them: a backslash
# and a quote are escaped with a backslash, a backtick in a name is
# doubled.  A record whose partition key, value or location holds a
# control character (a newline would end the statement early) is
# rejected with its line, the others printed; such a --table is a
# usage error.
cat >parts <<'X'
{"partition":{"calendarday":"2026-03-01","owner":"a\\b'c"},"location":"s3://lake/x\\'; DROP TABLE t; --/"}
{"partition":{"calendarday":"2026-03-01","own`er":"x"},"location":"s3://lake/y/"}
{"partition":{"calendarday":"2026-03-01\n"},"location":"s3://lake/z/"}
{"partition":{"calendarday":"2026-03-02"},"location":"s3://lake/z/\r"}
{"partition":{"calendar\u001bday":"2026-03-03"},"location":"s3://lake/z/"}
{"partition":{"calendarday":"2026-03-04"},"location":"s3://lake/w/"}
X
ll-register -P -T "lake.t\\'x" -r rejects -S st parts
echo "rc=$?"
wc -l <rejects
jq -c '{rejected, reasons}' st
ll-register -P -T "$(printf 'lake.t\nx')" parts
echo "rc=$?"
