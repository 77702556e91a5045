# Writes left.ndjson (readready CloudTrail StartSession rows) and
# right.ndjson (readready CloudWatch Session Manager rows) into the
# current directory.  alice's session has log events out of order, a
# timestamp tie broken by event_id and one event delivered twice; bob's
# has no transcript; the denied StartSession has a null sessionid;
# carol's events hold arrays of lines; s-orphan has no StartSession.
cat >left.ndjson <<'END'
{"eventtime":"2026-03-01T09:00:00Z","eventname":"StartSession","useridentity_arn":"arn:aws:sts::111122223333:assumed-role/Admin/alice","useridentity_sessioncontext_sourceidentity":"alice@example.com","sourceipaddress":"198.51.100.7","requestparameters":"{\"target\":\"i-0aaa\"}","errorcode":null,"sessionid":"alice-0a1","calendarday":"2026-03-01"}
{"eventtime":"2026-03-01T11:00:00Z","eventname":"StartSession","useridentity_arn":"arn:aws:sts::111122223333:assumed-role/Admin/bob","useridentity_sessioncontext_sourceidentity":"bob@example.com","sourceipaddress":"203.0.113.9","requestparameters":"{\"target\":\"i-0bbb\"}","errorcode":null,"sessionid":"bob-0b1","calendarday":"2026-03-01"}
{"eventtime":"2026-03-01T12:00:00Z","eventname":"StartSession","useridentity_arn":"arn:aws:sts::111122223333:assumed-role/Dev/dave","useridentity_sessioncontext_sourceidentity":null,"sourceipaddress":"192.0.2.1","requestparameters":"{\"target\":\"i-0ccc\"}","errorcode":"AccessDenied","sessionid":null,"calendarday":"2026-03-01"}
{"eventtime":"2026-03-01T23:59:30Z","eventname":"StartSession","useridentity_arn":"arn:aws:sts::111122223333:assumed-role/Admin/carol","useridentity_sessioncontext_sourceidentity":"carol@example.com","sourceipaddress":"198.51.100.8","requestparameters":"{\"target\":\"i-0ddd\"}","errorcode":null,"sessionid":"carol-0c1","calendarday":"2026-03-01"}
END
cat >right.ndjson <<'END'
{"sessionid":"alice-0a1","event_id":"e3","timestamp":1772355620000,"sessiondata":"whoami","calendarday":"2026-03-01"}
{"sessionid":"carol-0c1","event_id":"e5","timestamp":1772409600500,"sessiondata":["cd /srv","cat app.conf"],"calendarday":"2026-03-02"}
{"sessionid":"alice-0a1","event_id":"e1","timestamp":1772355610000,"sessiondata":"ls -la","calendarday":"2026-03-01"}
{"sessionid":"s-orphan","event_id":"e9","timestamp":1772355600000,"sessiondata":"uname -a","calendarday":"2026-03-01"}
{"sessionid":"alice-0a1","event_id":"e2","timestamp":1772355620000,"sessiondata":"sudo -i","calendarday":"2026-03-01"}
{"sessionid":null,"event_id":"e8","timestamp":1772355630000,"sessiondata":"exit","calendarday":"2026-03-01"}
{"sessionid":"alice-0a1","event_id":"e1","timestamp":1772355610000,"sessiondata":"ls -la","calendarday":"2026-03-01"}
{"sessionid":"carol-0c1","event_id":"e6","timestamp":1772409601000,"sessiondata":"exit","calendarday":"2026-03-02"}
END
