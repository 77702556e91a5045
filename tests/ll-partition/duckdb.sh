# The proof with a real query engine: a generated bucket goes through the
# documented pipeline into both tables, DuckDB reads them through the DDL
# that ll-partition prints, and its answers must equal the generator's
# ground truth (expected.json): rows per day, sessions, one session's
# events and transcript, and the join of the two tables.
if [ ! -d "$TOP/tests/duckdb/node_modules/@duckdb/node-api" ]; then
	echo "DuckDB missing: (cd tests/duckdb && npm ci)" >&2
	exit 1
fi
python3 "$TOP/scripts/dev/gen-sample" --events 2000 raw >/dev/null
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort >ct.list
find raw/firehose -type f | sort >fh.list
xargs ll-splitjson -e Records -s source_object <ct.list |
    ll-flatten -T cloudtrail |
    ll-partition -T cloudtrail -o rr >ct.parts
xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    -p message -s source_object <fh.list |
    ll-flatten -T cloudwatch -S cw.stats |
    ll-partition -T cloudwatch -o rr >cw.parts
ll-partition -T cloudtrail -o rr -d duckdb >ct.sql
ll-partition -T cloudwatch -o rr -d duckdb >cw.sql
s=$(jq -r .example_session.sessionid raw/expected.json)
node "$TOP/tests/duckdb/sql.mjs" ct.sql cw.sql -- \
    "SELECT json_group_object(calendarday, n) FROM (SELECT calendarday,
	count(*) n FROM cloudtrail_readready GROUP BY 1)" \
    "SELECT count(*), count(DISTINCT eventid) FROM cloudtrail_readready" \
    "SELECT count(*), count(*) FILTER (errorcode = 'AccessDenied'),
	count(DISTINCT sessionid) FROM cloudtrail_readready
	WHERE eventsource = 'ssm.amazonaws.com' AND eventname = 'StartSession'" \
    "SELECT useridentity_arn, sourceipaddress,
	requestparameters->>'target',
	strftime(eventtime AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')
	FROM cloudtrail_readready
	WHERE sessionid = '$s' AND eventname = 'StartSession'" \
    "SELECT count(*), count(DISTINCT event_id) FROM cloudwatch_readready" \
    "SELECT json_group_object(loggroup, n) FROM (SELECT loggroup, count(*) n
	FROM cloudwatch_readready GROUP BY 1)" \
    "SELECT count(*) FROM cloudwatch_readready
	WHERE loggroup = '/aws/ssm/sessionlogs' AND sessionid IS NOT NULL" \
    "SELECT string_agg(sessiondata, chr(10) ORDER BY timestamp, event_id)
	FROM cloudwatch_readready WHERE sessionid = '$s'" \
    "SELECT count(DISTINCT t.sessionid) FROM cloudtrail_readready t
	JOIN cloudwatch_readready w ON w.sessionid = t.sessionid
	WHERE t.eventname = 'StartSession'" >answers
echo "rc=$?"
python3 - raw/expected.json answers <<'X'
import json, sys
e = json.load(open(sys.argv[1]))
a = [json.loads(l) for l in open(sys.argv[2])]
x = e["example_session"]
def check(name, got, want):
    print(("ok " if got == want else "MISMATCH ") + name +
          ("" if got == want else ": got %r, want %r" % (got, want)))
check("cloudtrail rows per day", {k: int(v) for k, v in
      json.loads(a[0][0]).items()}, e["events_per_day_unique"])
check("cloudtrail rows, all distinct", [int(v) for v in a[1]],
      [e["events_unique"]] * 2)
check("StartSession calls, denied, sessions", [int(v) for v in a[2]],
      [e["start_sessions"], e["start_sessions_denied"], e["sessions"]])
check("example session's StartSession", a[3],
      [x["user_arn"], x["source_ip"], x["target"], x["start_time"]])
check("cloudwatch rows, all distinct", [int(v) for v in a[4]],
      [e["log_events_unique"]] * 2)
check("cloudwatch rows per log group", {k: int(v) for k, v in
      json.loads(a[5][0]).items()}, e["log_events_per_group"])
check("session log events", int(a[6][0]), e["session_log_events_unique"])
check("example session's transcript", a[7][0].split("\n"), x["commands"])
check("sessions with a transcript", int(a[8][0]),
      e["sessions_with_transcript"])
X
jq -c '{control_message: .reasons.control_message}' cw.stats
jq -c .control_messages raw/expected.json
