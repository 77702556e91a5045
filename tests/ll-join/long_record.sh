# Records of 10 MiB and more on both sides go through whole, in memory
# and spilled; --max-record-bytes rejects longer ones and the records
# after them still come through.
python3 -c '
import json
print(json.dumps({"k": "s1", "big": "L" * 10485760}))
print(json.dumps({"k": "s2"}))' >left
python3 -c '
import json
print(json.dumps({"k": "s1", "t": 1, "data": "R" * 11000000}))
print(json.dumps({"k": "s1", "t": 0, "data": "first"}))' >right
for b in 256M 1M; do
	ll-join -k k -b $b -o t -a text=text:data left right 2>/dev/null |
	    jq -r '[.k, (.big | length), (.text | length),
	    .text[0:6]] | @tsv'
done
ll-join -k k -G g left right | awk '{ print length($0) }'
ll-join -J left -k k -M 10M -S stats.json left right
echo "rc=$?"
jq -c .reasons stats.json
