# A key holding \u0000 must not match a column whose name it starts
# with: ll_jstr_eq() took the decoded NUL for the end of the column
# name and read past it (a heap overflow under ASan, found by
# fuzz_flatten; inputs kept in tests/fuzz/corpus/flatten/crash-*).
cat >in <<'X'
{"eventTime":"2026-03-01T10:00:00Z","eventID":"1","eventName\u0000":"X","eventName":"Y"}
{"eventTime":"2026-03-01T10:00:00Z","eventID":"2","eventName\u0000x":"X"}
{"eventTime":"2026-03-01T10:00:00Z","eventID":"3","event\u004eame":"Z","eventSource\u0000":1}
X
ll-flatten -T cloudtrail in >out
echo "rc=$?"
jq -c '[.eventid, .eventname, .eventsource]' out
