# A record over 10 MiB inside a pretty-printed document is written whole;
# --max-record-bytes rejects records over the limit, and the records
# after it still come through.
python3 -c '
import json
print(json.dumps({"Records": [{"a": 1}, {"big": "x" * 11000000}, {"b": 2}]}, indent=1))' >in
ll-splitjson -e Records in >out
echo "rc=$?"
awk '{ print length($0) }' out
ll-splitjson -e Records -M 1M -S stats.json in >out
echo "rc=$?"
cat out
jq -c .reasons stats.json
