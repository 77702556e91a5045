# Issue 12 figures: publishing a readready lake to S3 (a local
# moto_server on 127.0.0.1), ll-partition -o s3:// against
# `aws s3 cp --recursive` of the same files (data and key files) to the
# same moto: MB/s and objects/s, the client's and the server's CPU.
# The lake is the workload's CloudTrail table, built once, with small
# files (BENCH_PUBLISH_SIZE, default 2M) so that there are many objects.
# Upload alone: each round copies the built lake into a stage, where
# ll-partition, given no input, finds files a run left and uploads them
# (as after a killed run).  A last line times the whole job, rows to S3.
# Environment: BENCH_DIR, BENCH_PUBLISH_SIZE.
set -eu
top=$(cd "$(dirname "$0")/../../.." && pwd)
TOP=$top
size=${BENCH_PUBLISH_SIZE:-2M}
work=${BENCH_DIR:-/tmp/ll-bench}/publish
mkdir -p "$work"
cd "$work"
if [ "$(cat built 2>/dev/null)" != "$size" ]; then
	rm -rf lake built
	ll-partition -F -T cloudtrail -s "$size" -o lake \
	    <"$BENCH_DIR/cloudtrail.ndjson" >/dev/null
	echo "$size" >built
fi
objects=$(find lake -type f | wc -l)
bytes=$(find lake -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
. "$top/tests/lib/moto.sh"
moto_start
seed mb bench-pub
echo "lake: $objects objects (data and key files), $bytes bytes;" \
    "moto $(python3 -c 'import moto; print(moto.__version__)')"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

server_cpu() {
	awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' \
	    "/proc/$MOTO_PID/stat"
}

# run NAME PREFIX CMD: one upload under a fresh PREFIX of the bucket,
# checked whole; best.NAME keeps the fastest run's wall time and the
# client's and the server's CPU seconds.
n=0
run() {
	name=$1
	shift
	s0=$(server_cpu)
	/usr/bin/time -f '%e %U %S' -o .t sh -c "$*" >/dev/null 2>.err ||
	    { cat .err >&2; exit 1; }
	s1=$(server_cpu)
	got=$(seed ls bench-pub "r$n/" | wc -l)
	[ "$got" -eq "$objects" ] ||
	    { echo "$name: $got of $objects objects" >&2; exit 1; }
	line=$(awk -v a="$s0" -v b="$s1" '{ print $1, $2 + $3, b - a }' .t)
	if [ ! -f "best.$name" ] ||
	    awk -v t="${line%% *}" '{ exit !(t < $1) }' "best.$name"; then
		echo "$line" >"best.$name"
	fi
}

report() {
	awk -v n="$2" -v o="$objects" -v b="$bytes" '{ t = $1; if (t == 0) t = 0.01
	    printf "%-36s %6.2f s %5.0f obj/s %6.2f MB/s  client CPU %5.2f s, server CPU %5.2f s\n",
	    n, t, o / t, b / t / 1e6, $2, $3 }' "best.$1"
}

have_aws=0
command -v aws >/dev/null 2>&1 && have_aws=1
[ $have_aws = 1 ] || echo "aws CLI not installed: no comparison"
rm -f best.*
# Three rounds, the tools taking turns, the fastest run of each.
for _ in 1 2 3; do
	n=$((n + 1))
	rm -rf stage
	mkdir stage
	cp -r lake/cloudtrail stage/
	run pub "ll-partition -T cloudtrail -o s3://bench-pub/r$n/ -D stage \
	    </dev/null"
	if [ $have_aws = 1 ]; then
		n=$((n + 1))
		run aws "aws s3 cp --quiet --recursive \
		    --region us-east-1 --endpoint-url $MOTO_URL lake \
		    s3://bench-pub/r$n/"
	fi
done
report pub "ll-partition -o s3:// (stage upload)"
[ $have_aws = 1 ] && report aws "aws s3 cp --recursive"
[ $have_aws = 1 ] && awk -v p="$(cut -d' ' -f1 best.pub)" \
    '{ printf "ll-partition is %.1fx aws s3 cp --recursive\n", $1 / p }' best.aws
n=$((n + 1))
rm -rf stage best.pub
run pub "ll-partition -F -T cloudtrail -s $size -o s3://bench-pub/r$n/ \
    -D stage <$BENCH_DIR/cloudtrail.ndjson"
report pub "rows to S3 (build and upload)"
awk -v r="$(wc -l <"$BENCH_DIR/cloudtrail.ndjson")" '{ t = $1; if (t == 0) t = 0.01
    printf "%-36s %6.2f s %8.0f rec/s, %8.0f rec per CPU second\n",
    "", t, r / t, r / $2 }' best.pub
rm -rf stage best.* .t .err
