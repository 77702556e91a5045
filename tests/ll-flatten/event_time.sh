# calendarday is the UTC day of eventTime: offsets move it, fractions are
# fine; an eventTime that is missing or not a real time rejects the record
# (it would have no partition) with a reason, never silently.  eventtime
# is the instant in UTC to the millisecond: a finer fraction is cut, a
# leap second held at :59.999 of its minute.
cat >in <<'X'
{"eventTime":"2026-03-01T23:30:00Z","eventID":"1"}
{"eventTime":"2026-03-01T23:30:00.123456Z","eventID":"2"}
{"eventTime":"2026-03-02T01:30:00+02:00","eventID":"3"}
{"eventTime":"2026-03-01T22:30:00-02:00","eventID":"4"}
{"eventTime":"2024-02-29T00:00:00Z","eventID":"5"}
{"eventTime":"2026-02-29T00:00:00Z","eventID":"6"}
{"eventTime":"2026-03-01 10:00:00","eventID":"7"}
{"eventID":"8"}
{"eventTime":1772359200,"eventID":"9"}
{"eventTime":"2026-13-01T00:00:00Z","eventID":"10"}
{"eventTime":"2026-03-01T24:00:00Z","eventID":"11"}
{"eventTime":"2026-03-01t10:00:00.5z","eventID":"12"}
{"eventTime":"2026-12-31T23:59:60Z","eventID":"13"}
{"eventTime":"2026-03-01T10:00:00.Z","eventID":"14"}
X
ll-flatten -T cloudtrail -r rejects -S stats.json in >out
echo "rc=$?"
jq -c '[.eventid, .calendarday, .eventtime]' out
cat rejects
jq -c '{records_in,records_out,rejected,reasons}' stats.json
