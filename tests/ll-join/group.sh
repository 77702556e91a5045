# --group nests each session's log events, deduplicated on event_id and
# ordered by timestamp then event_id; bob's session keeps an empty group.
. "$TOP/tests/ll-join/lib/sessions.sh"
ll-join -J left -k sessionid -o timestamp -o event_id -d event_id -G events \
    -S stats.json left.ndjson right.ndjson |
    jq -c '{sessionid, events: [.events[] | [.event_id, .timestamp]]}'
jq -c '{records_out, right_duplicates}' stats.json
