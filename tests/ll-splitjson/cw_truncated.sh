# CloudWatch cuts a large event at 256 KB, mid-string: the outer document
# is valid, the message holds truncated JSON.  With --parse it stays a
# string, byte for byte, and is counted; the next event is parsed.
python3 -c '
import json
inner = json.dumps({"sessionData": ["x" * 300000]})[:262144]
doc = {"messageType": "DATA_MESSAGE", "owner": "111122223333",
    "logGroup": "/aws/ssm/sessionlogs", "logStream": "s",
    "logEvents": [
        {"id": "1", "timestamp": 1772359205000, "message": inner},
        {"id": "2", "timestamp": 1772359206000,
         "message": json.dumps({"ok": True})}]}
print(json.dumps(doc))' >in
ll-splitjson -e logEvents -k owner -p message -S stats.json in >out
echo "rc=$?"
jq -c '{id, type: (.message | type), length: (.message | length)}' out
jq -r '.logEvents[0].message' in >want
head -n1 out | jq -r .message | cmp - want && echo "message kept"
jq -c '{records_out,rejected,reasons}' stats.json
