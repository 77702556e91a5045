# Issue 4 figures: ll-fetch against `aws s3 sync` on the same bucket of
# small CloudTrail objects in a local moto_server (127.0.0.1): listing
# plus download into a local directory, objects/s and MB/s side by side.
# A second round puts 25 ms of latency in front of every request (the
# fault proxy of the tests, no faults), closer to S3's first-byte time.
# Environment: BENCH_DIR, BENCH_FETCH_OBJECTS (default 2400).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
TOP=$top
n=${BENCH_FETCH_OBJECTS:-2400}
work=${BENCH_DIR:-/tmp/ll-bench}/fetch
mkdir -p "$work"
cd "$work"
if [ "$(find src -type f 2>/dev/null | wc -l)" -ne "$n" ]; then
	rm -rf src
	python3 - "$n" <<'PY'
import gzip, json, os, random, sys
n = int(sys.argv[1])
rnd = random.Random(4)
regions = ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"]
for i in range(n):
    acct = "%012d" % (111122220000 + i % 12)
    region = regions[i // 12 % 4]
    day = 1 + i // 48 % 28
    d = "src/AWSLogs/o-benchorg01/%s/CloudTrail/%s/2026/03/%02d" % (acct, region, day)
    os.makedirs(d, exist_ok=True)
    recs = [{"eventVersion": "1.08", "eventSource": "s3.amazonaws.com",
             "eventName": rnd.choice(["GetObject", "PutObject", "ListBuckets"]),
             "eventTime": "2026-03-%02dT%02d:%02d:00Z" % (day, rnd.randrange(24), rnd.randrange(60)),
             "awsRegion": region, "requestID": "%032x" % rnd.getrandbits(128),
             "sourceIPAddress": "10.%d.%d.%d" % (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))}
            for _ in range(rnd.randrange(20, 120))]
    name = "%s_CloudTrail_%s_202603%02dT%02d%02dZ_%016x.json.gz" % (
        acct, region, day, rnd.randrange(24), rnd.randrange(60), rnd.getrandbits(64))
    with open(os.path.join(d, name), "wb") as f:
        f.write(gzip.compress(json.dumps({"Records": recs}).encode(), mtime=0))
PY
fi
bytes=$(find src -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
. "$top/tests/lib/moto.sh"
moto_start
seed tree bench-fetch src
echo "bucket: $n objects, $bytes bytes ($(awk -v b="$bytes" -v n="$n" \
    'BEGIN { printf "%.1f", b / n / 1024 }') KiB each); moto $(python3 -c 'import moto; print(moto.__version__)')"

# CPU seconds (user + system) the moto_server process has used.
server_cpu() {
	awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' \
	    "/proc/$MOTO_PID/stat"
}

# best NAME CMD: the shorter of two runs, each into a fresh directory;
# with the client's and the server's CPU time for that run.
best() {
	name=$1
	shift
	t=""
	for _ in 1 2; do
		rm -rf out
		s0=$(server_cpu)
		/usr/bin/time -f '%e %U %S' -o .t sh -c "$*" >/dev/null 2>.err ||
		    { cat .err >&2; exit 1; }
		s1=$(server_cpu)
		got=$(find out -type f ! -path '*/.ll-fetch.tmp/*' 2>/dev/null | wc -l)
		case $name in *"no disk"*) got=$n ;; esac
		[ "$got" -eq "$n" ] || { echo "$name: $got of $n objects" >&2; exit 1; }
		if [ -z "$t" ] || awk -v a="$t" -v b="$(cut -d' ' -f1 .t)" \
		    'BEGIN { exit !(b < a) }'; then
			t=$(cut -d' ' -f1 .t)
			cpu=$(awk '{ print $2 + $3 }' .t)
			srv=$(awk -v a="$s0" -v b="$s1" 'BEGIN { print b - a }')
		fi
	done
	eval "t_$(echo "$name" | tr -c 'a-z0-9\n' _)=$t"
	awk -v n="$name" -v t="$t" -v o="$n" -v b="$bytes" -v c="$cpu" \
	    -v s="$srv" 'BEGIN {
	    if (t == 0) t = 0.01
	    printf "%-36s %6.2f s %5.0f obj/s %5.2f MB/s  client CPU %5.2f s, server CPU %5.2f s\n",
	    n, t, o / t, b / t / 1e6, c, s }'
}

round() {
	ep=$1
	best "ll-fetch -l | ll-fetch -g" \
	    "AWS_ENDPOINT_URL=$ep ll-fetch -q -l s3://bench-fetch | AWS_ENDPOINT_URL=$ep ll-fetch -q -g -s out"
	ll=$t_ll_fetch__l___ll_fetch__g
	best "ll-fetch -l | ll-fetch -c (no disk)" \
	    "AWS_ENDPOINT_URL=$ep ll-fetch -q -l s3://bench-fetch | AWS_ENDPOINT_URL=$ep ll-fetch -q -c"
	best "aws s3 sync" \
	    "aws s3 sync --quiet --endpoint-url $ep s3://bench-fetch out"
	awk -v a="$t_aws_s3_sync" -v l="$ll" 'BEGIN {
	    printf "ll-fetch -l | -g is %.1fx aws s3 sync\n", a / l }'
}

echo "-- moto_server direct"
round "$MOTO_URL"
echo "-- through a proxy adding 25 ms per request"
proxy_start --delay 0.025
round "$PROXY_URL"
rm -rf out
