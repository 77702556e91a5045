# A line of 11 MB is matched and written whole, with the rule added at
# its end; with --max-record-bytes it is rejected, not truncated (all
# of it reaches --reject), and the records after it still come through.
python3 -c '
import json
print(json.dumps({"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}))
print(json.dumps({"eventSource": "iam.amazonaws.com", "eventName": "CreateUser",
    "requestParameters": {"big": "x" * 11000000}}, separators=(",", ":")))
print(json.dumps({"eventSource": "iam.amazonaws.com", "eventName": "CreateUser", "n": 3}))' >in
ll-sigma -y "$FIXTURES/sigma/iam.yml" in >out
echo "rc=$?"
awk '{ print length($0) }' out
sed -n 1p out | jq -c '.sigma, (.requestParameters.big | length)'
ll-sigma -y "$FIXTURES/sigma/iam.yml" -M 1M -r rej -S stats.json in
echo "rc=$?"
sed -n 2p in | cmp - rej && echo "rejected line intact"
jq -c '{records_in,records_out,rejected,reasons}' stats.json
