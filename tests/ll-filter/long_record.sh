# A line of 11 MB passes whole; with --max-record-bytes it is rejected
# without being truncated (all of it reaches --reject) and the records
# after it still come through.
python3 -c '
import json
print(json.dumps({"a": 1}))
print(json.dumps({"big": "x" * 11000000, "eventName": "StartSession"}))
print(json.dumps({"eventName": "StartSession", "n": 3}))' >in
ll-filter -w '.eventName = StartSession' in >out
echo "rc=$?"
awk '{ print length($0) }' out
ll-filter -g xxxxxxxxxx in | wc -l
ll-filter -w '.eventName = StartSession' -M 1M -r rej -S stats.json in
echo "rc=$?"
wc -c <rej
sed -n 2p in | cmp - rej && echo "rejected line intact"
jq -c '{records_in,records_out,rejected,reasons}' stats.json
