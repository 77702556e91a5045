# The session review table: one flat row per StartSession (calendarday
# is the StartSession's, not the log events'), the transcript as one
# text column in order with a line count, the number of log events and
# the first and last timestamps; sessions without a transcript stay.
. "$TOP/tests/ll-join/lib/sessions.sh"
ll-join -J left -k sessionid -o timestamp -o event_id -d event_id \
    -a transcript=text:sessiondata -a transcript_lines=lines:sessiondata \
    -a log_events=count -a first_timestamp=first:timestamp \
    -a last_timestamp=last:timestamp left.ndjson right.ndjson >review
echo "rc=$?"
jq -c '{sessionid, calendarday, errorcode, transcript, transcript_lines,
    log_events, first_timestamp, last_timestamp}' review
# readready rule: no nested values in any row.
jq -s '[.[][] | select(type == "object" or type == "array")] | length' review
# The StartSession rows come through byte for byte, columns added at the end.
paste -d '\n' left.ndjson review | awk 'NR % 2 == 1 {
	l = substr($0, 1, length($0) - 1); next }
	{ print index($0, l) == 1 ? "kept" : "changed" }'
