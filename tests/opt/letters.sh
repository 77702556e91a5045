# Version 0.2.0 gave each letter one meaning across the toolkit; the
# letters it took away still work for one release, with a warning that
# names the new one, and do what they did.
printf '{"eventID":"e1","eventTime":"2026-03-01T10:00:00Z"}\n' >raw
ll-flatten -t cloudtrail raw >ct
jq -c '[.eventid, .calendarday]' ct
ll-flatten -c -t cloudtrail | head -n1 | cut -f1
ll-partition -t cloudtrail -o lake -l 1 -m 2 -g 1M ct | jq -c .records
printf '{"k":1,"v":"a"}\n' >l
printf '{"k":1,"v":"b"}\n' >r
ll-join -t left -k k -g g -T . l r
ll-register -P -t t -R 1 </dev/null; echo "register rc=$?"
mkdir -p src/b && echo hi >src/b/o
ll-fetch -l src | ll-fetch -c -R 10 -T 5 -q
ll-fetch -l src | ll-fetch -g -s store -q | jq -r .status
