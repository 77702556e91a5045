# Sourced by ll-timeline cases: mklake DIR [ll-partition options] writes a
# small lake by hand, three tables over two days, whose rows interleave
# in time across tables (and tie at one instant), and hold the address
# 10.0.3.17 whole, inside a longer one (10.0.3.170), in a transcript and
# escaped inside JSON kept in a column.
mklake() {
	dir=$1
	shift
	python3 - "$dir" <<'X'
import json, sys
d = sys.argv[1]
ct = [
    ("e1", "2026-03-01T10:00:00Z", "StartSession", "10.0.3.17", "alice",
     None, '{"target":"i-0abc","reason":"ssh to 10.0.3.17"}'),
    ("e2", "2026-03-01T10:00:05Z", "DescribeInstances", "10.0.3.170", "bob",
     None, None),
    ("e3", "2026-03-01T11:30:00Z", "AssumeRole", "198.51.100.7", "carol",
     "AccessDenied", '{"roleArn":"arn:aws:iam::111122223333:role/Admin",'
     '"note":"from \\"10.0.3.17\\""}'),
    ("e4", "2026-03-02T00:00:00Z", "GetObject", "10.0.3.17", "alice",
     None, None),
    ("e5", "2026-03-02T23:59:59Z", "PutObject", "203.0.113.9", "dave",
     None, None),
]
with open(d + "/ct.ndjson", "w") as f:
    for eid, t, name, ip, who, err, rp in ct:
        print(json.dumps({
            "useridentity_type": "AssumedRole",
            "useridentity_arn": "arn:aws:sts::111122223333:assumed-role/Admin/" + who,
            "useridentity_accesskeyid": "ASIA" + who.upper().ljust(16, "X"),
            "eventtime": t, "eventsource": "ec2.amazonaws.com",
            "eventname": name, "awsregion": "eu-west-1",
            "sourceipaddress": ip, "errorcode": err,
            "requestparameters": rp, "eventid": eid,
            "readonly": name.startswith("Describe"),
            "recipientaccountid": "111122223333",
            "calendarday": t[:10], "sessionid": None,
            "source_object": "ct/%s.json.gz" % t[:10]}), file=f)
cw = [
    ("w1", 1772359203250, "alice-1", "$ ssh deploy@10.0.3.17 'uptime'"),
    ("w2", 1772359205000, "alice-1", "$ curl http://10.0.3.170/"),
    ("w3", 1772409600000, "alice-1", "# exit"),
]
with open(d + "/cw.ndjson", "w") as f:
    for eid, ms, sid, text in cw:
        import datetime
        t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
        print(json.dumps({
            "owner": "111122223333", "loggroup": "/aws/ssm/sessionlogs",
            "logstream": sid, "event_id": eid, "timestamp": ms,
            "event_time": t.strftime("%Y-%m-%dT%H:%M:%S.") +
            "%03dZ" % (ms % 1000), "calendarday": t.strftime("%Y-%m-%d"),
            "sessionid": sid,
            "useridentity_arn": "arn:aws:sts::111122223333:assumed-role/Admin/alice",
            "sessiondata": text, "source_object": "fh/%s" % eid}), file=f)
with open(d + "/sr.ndjson", "w") as f:
    print(json.dumps({
        "eventtime": "2026-03-01T10:00:00Z", "eventname": "StartSession",
        "sourceipaddress": "10.0.3.17", "awsregion": "eu-west-1",
        "useridentity_arn": "arn:aws:sts::111122223333:assumed-role/Admin/alice",
        "recipientaccountid": "111122223333", "eventid": "e1",
        "calendarday": "2026-03-01", "sessionid": "alice-1",
        "transcript": "$ ssh deploy@10.0.3.17 'uptime'\n# exit",
        "transcript_lines": 2, "log_events": 2}), file=f)
X
	ll-partition -T cloudtrail -o "$dir/lake" "$@" "$dir/ct.ndjson" >/dev/null &&
	ll-partition -T cloudwatch -o "$dir/lake" "$@" "$dir/cw.ndjson" \
	    >/dev/null &&
	# session_review, as ll-pipeline writes it: gzip JSON lines.
	ll-partition -T cloudtrail -f json -o "$dir/sr" "$dir/sr.ndjson" \
	    >/dev/null &&
	mv "$dir/sr/cloudtrail" "$dir/lake/session_review" &&
	rmdir "$dir/sr"
}
