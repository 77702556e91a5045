# Bad lines between good ones: the good rows come out, each bad line is
# reported with its line number, counted by reason and quarantined.
printf '%s\n' '{"eventTime":"2026-03-01T10:00:00Z","eventID":"1"}' \
    '{"eventTime":"2026-03-01T10:00:00Z",' '[1,2]' '' \
    '{"eventTime":"2026-03-01T10:00:00Z","eventID":"2"} x' \
    '{"eventTime":"nope","eventID":"3"}' \
    '{"eventTime":"2026-03-01T10:00:00Z","eventID":"4","a":"\ud800"}' \
    '{"eventTime":"2026-03-01T10:00:00Z","eventID":"5"}' >in
printf '{"eventTime":"2026-03-01T10:00:00Z","eventID":"6","a":"\377"}\n' >>in
ll-flatten -T cloudtrail -r rejects -S stats.json in >out
echo "rc=$?"
jq -c '[.eventid]' out
cat rejects
jq -c '{records_in,records_out,rejected,reasons}' stats.json
