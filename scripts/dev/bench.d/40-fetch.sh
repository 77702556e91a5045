# Issue 4 figures: ll-fetch against `aws s3 sync` on the same bucket of
# small CloudTrail objects in a local moto_server (127.0.0.1): listing
# plus download into a local directory, objects/s and MB/s side by side.
# moto_server costs about 2 ms of CPU per GET and closes every
# connection, so a second round uses s3static.py (beside this script), a
# read-only stand-in that keeps connections alive, where the clients'
# own costs show.  A third round puts 25 ms of latency in front of
# every moto request (the fault proxy of the tests, no faults), closer
# to S3's first-byte time.
# Environment: BENCH_DIR, BENCH_FETCH_OBJECTS (default 2400).
set -eu
top=$(cd "$(dirname "$0")/../../.." && pwd)
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

# CPU seconds (user + system) the server process SERVER_PID has used.
SERVER_PID=$MOTO_PID
server_cpu() {
	awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' \
	    "/proc/$SERVER_PID/stat"
}

# run NAME CMD: one run into a fresh directory; best.NAME keeps the
# fastest run's wall time and the client's and the server's CPU time.
run() {
	name=$1
	shift
	rm -rf out
	s0=$(server_cpu)
	/usr/bin/time -f '%e %U %S' -o .t sh -c "$*" >/dev/null 2>.err ||
	    { cat .err >&2; exit 1; }
	s1=$(server_cpu)
	got=$(find out -type f ! -path '*/.ll-fetch.tmp/*' 2>/dev/null | wc -l)
	case $name in cat) got=$n ;; esac
	[ "$got" -eq "$n" ] || { echo "$name: $got of $n objects" >&2; exit 1; }
	line=$(awk -v a="$s0" -v b="$s1" '{ print $1, $2 + $3, b - a }' .t)
	if [ ! -f "best.$name" ] ||
	    awk -v t="${line%% *}" '{ exit !(t < $1) }' "best.$name"; then
		echo "$line" >"best.$name"
	fi
}

report() {
	awk -v n="$2" -v o="$n" -v b="$bytes" '{ t = $1; if (t == 0) t = 0.01
	    printf "%-34s %6.2f s %5.0f obj/s %5.2f MB/s  client CPU %5.2f s, server CPU %5.2f s\n",
	    n, t, o / t, b / t / 1e6, $2, $3 }' "best.$1"
}

# Three rounds, the tools taking turns, so that a busy moment of the
# machine does not fall on one tool only; the fastest run of each.
round() {
	ep=$1
	rm -f best.*
	for _ in 1 2 3; do
		run get "AWS_ENDPOINT_URL=$ep ll-fetch -q -l s3://bench-fetch |
		    AWS_ENDPOINT_URL=$ep ll-fetch -q -O -s out"
		run cat "AWS_ENDPOINT_URL=$ep ll-fetch -q -l s3://bench-fetch |
		    AWS_ENDPOINT_URL=$ep ll-fetch -q -c"
		run aws "aws s3 sync --quiet --endpoint-url $ep s3://bench-fetch out"
	done
	report get "ll-fetch -l | ll-fetch -g"
	report cat "ll-fetch -l | ll-fetch -C (no disk)"
	report aws "aws s3 sync"
	awk -v l="$(cut -d' ' -f1 best.get)" -v c="$(cut -d' ' -f1 best.cat)" \
	    '{ printf "ll-fetch -O is %.1fx aws s3 sync (-c: %.1fx)\n",
	    $1 / l, $1 / c }' best.aws
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "-- moto_server direct"
round "$MOTO_URL"
echo "-- s3static.py (keep-alive, answers from an index made at start)"
rm -f static.url
python3 "$top/scripts/dev/bench.d/s3static.py" --bucket bench-fetch --root src \
    --url-file static.url &
SERVER_PID=$!
_pids="$_pids $!"
for _ in $(seq 200); do
	[ -s static.url ] && break
	sleep 0.05
done
[ -s static.url ] || { echo "s3static.py did not start" >&2; exit 1; }
round "$(cat static.url)"
echo "-- through a proxy adding 25 ms per request (moto behind it)"
SERVER_PID=$MOTO_PID
proxy_start --delay 0.025
round "$PROXY_URL"
rm -rf out best.* .t .err
