# A record over 10 MiB (a huge requestParameters) is flattened whole.
python3 -c '
import json
print(json.dumps({"eventTime": "2026-03-01T10:00:00Z", "eventID": "big",
    "requestParameters": {"policy": "x" * 11000000}}))
print(json.dumps({"eventTime": "2026-03-01T10:00:00Z", "eventID": "small"}))' >in
ll-flatten -T cloudtrail in >out
echo "rc=$?"
jq -c '[.eventid, (.requestparameters | length)]' out
