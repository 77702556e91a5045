# A record of 11 MB is read whole and its indicator found past its
# first megabyte; with --max-record-bytes it is rejected, whole, and
# the records after it still come through.
python3 -c '
import json
print(json.dumps({"eventtime": "2026-03-01T10:00:00Z", "a": 1}))
print(json.dumps({"eventtime": "2026-03-01T10:00:01Z", "big": "x" * 11000000 + " 10.0.3.17"}))
print(json.dumps({"eventtime": "2026-03-01T10:00:02Z", "b": "10.0.3.17"}))' >in
ll-timeline -g 10.0.3.17 -o ndjson in >out
echo "rc=$?"
awk '{ print length($0) }' out
ll-timeline -g 10.0.3.17 -M 1M -r rej -o ndjson in >out
echo "rc=$?"
jq -c .record out
wc -c <rej
