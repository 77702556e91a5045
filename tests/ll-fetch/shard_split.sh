# --shard splits a listing by account and region: for every count, each
# object is in exactly one shard, an account and region never in two,
# and the shard is FNV-1a of "ACCOUNT/REGION" modulo the count, as
# ll(7) documents (checked against an implementation of its own here).
# Keys that name no account (Firehose, unknown layouts) go to shard 0.
"$TOP/scripts/dev/gen-sample" --events 600 --days 1 --start 2026-03-01 \
    --accounts 12 --regions us-east-1,eu-west-1,ap-south-1 src >/dev/null
mkdir -p src/other/misc src/cloudtrail/AWSLogs/o-abcdefghij/123456789012/CloudTrail/sa-east-1/2026/03/01
echo x >src/other/misc/readme.txt
echo '{}' >src/cloudtrail/AWSLogs/o-abcdefghij/123456789012/CloudTrail/sa-east-1/2026/03/01/f.json.gz
list() {
	ll-fetch -l -q "$@" src/cloudtrail src/firehose src/other |
	    jq -r '[.url, .kind, .account // "", .region // ""] | @tsv'
}
list | sort >all
echo "objects: $(wc -l <all), accounts and regions:" \
    "$(awk -F'\t' '$3 != "" { print $3 "/" $4 }' all | sort -u | wc -l)"
for n in 1 2 3 4 7 16; do
	: >union
	i=0
	while [ $i -lt $n ]; do
		list --shard $i/$n | sed "s/\$/	$i/" >>union
		i=$((i + 1))
	done
	sort union | cut -f1-4 | cmp -s - all || echo "$n: union differs"
	# Each account/region in one shard, the shard the hash gives.
	python3 - "$n" union <<'PY'
import sys
n = int(sys.argv[1])
seen, used = {}, set()
def fnv(s):
    h = 2166136261
    for b in s.encode():
        h = ((h ^ b) * 16777619) & 0xffffffff
    return h
for line in open(sys.argv[2]):
    url, kind, acct, region, shard = line.rstrip("\n").split("\t")
    want = fnv(acct + "/" + region) % n if acct else 0
    if int(shard) != want:
        print(f"{n}: {url} in shard {shard}, not {want}")
    used.add(shard)
print(f"{n} shards: {len(used)} used")
PY
done
ll-fetch -l -q --shard 0/4 -S stats src/cloudtrail src/firehose src/other >/dev/null
jq -c '{records_out, other_shards, shard_index, shard_count}' stats
