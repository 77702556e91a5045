# The session review table, which ll-pipeline writes as gzip JSON lines
# (ll-join of StartSession rows and their transcripts), has DDL of its
# own: the cloudtrail columns and the five the join adds, typed.  DuckDB
# reads a review partition through it with exact answers.  The table is
# for DDL only, and JSON only.
. "$TOP/tests/ll-join/lib/sessions.sh"
. "$TOP/tests/lib/duckdb.sh"	# checks DuckDB is there
# Times as ll-flatten writes them: UTC text to the millisecond.
python3 - <<'X'
import datetime, json
def text(ms):
    t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)
for name, key, conv in (("left.ndjson", "eventtime", None),
                        ("right.ndjson", "timestamp", text)):
    rows = [json.loads(l) for l in open(name)]
    with open(name, "w") as f:
        for r in rows:
            if conv:
                r[key] = conv(r[key])
            else:
                r[key] = r[key][:-1] + ".000Z"
            f.write(json.dumps(r, separators=(",", ":")) + "\n")
X
mkdir -p lake/session_review/calendarday=2026-03-01
ll-join -J left -k sessionid -o timestamp -o event_id -d event_id \
    -a transcript=text:sessiondata -a transcript_lines=lines:sessiondata \
    -a log_events=count -a first_timestamp=first:timestamp \
    -a last_timestamp=last:timestamp left.ndjson right.ndjson |
    gzip -n >lake/session_review/calendarday=2026-03-01/part-review.json.gz
ll-partition -d duckdb -T session_review -o lake >view.sql
echo "rc=$?"
node "$TOP/tests/duckdb/sql.mjs" view.sql -- "SET TimeZone = 'UTC'" \
    "SELECT calendarday, count(*), count(sessionid), sum(log_events)
     FROM session_review_readready GROUP BY 1" \
    "SELECT sessionid, transcript_lines, log_events, first_timestamp,
     last_timestamp, replace(transcript, chr(10), ' | ')
     FROM session_review_readready WHERE sessionid IS NOT NULL ORDER BY 1" \
    "SELECT column_name, column_type FROM (DESCRIBE session_review_readready)
     WHERE column_name IN ('eventid', 'eventtime', 'transcript',
     'transcript_lines', 'log_events', 'first_timestamp', 'last_timestamp',
     'calendarday')"
ll-partition -d athena -T session_review -L s3://lake/ |
    grep 'TABLE\|`eventid`\|transcript\|_timestamp\|log_events\|BY\|SERDE'
ll-partition -d athena -T session_review -f parquet -L s3://lake/
echo "rc=$?"
ll-partition -T session_review -o out </dev/null
echo "rc=$?"
ll-flatten -T session_review </dev/null
echo "rc=$?"
