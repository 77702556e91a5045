# A transcript that arrives after its StartSession: the first run sees
# the session without log events, the second run, with the late events,
# gives the whole session.
. "$TOP/tests/ll-join/lib/sessions.sh"
grep -v carol right.ndjson >early.ndjson
for r in early.ndjson right.ndjson; do
	ll-join -J left -k sessionid -o timestamp -o event_id -d event_id \
	    -a transcript=text:sessiondata -a log_events=count \
	    -a last_timestamp=last:timestamp left.ndjson "$r" |
	    jq -c 'select(.sessionid == "carol-0c1") |
	    {sessionid, transcript, log_events, last_timestamp}'
done
