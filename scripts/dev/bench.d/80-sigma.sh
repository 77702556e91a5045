# Issue 15 (c): every Sigma rule over the workload's CloudTrail records
# in one pass, ll-sigma reading the NDJSON that ll-splitjson wrote.
# The rules are SigmaHQ's CloudTrail rules from ../shared/corpus (or
# $LL_CORPUS) when present, read in place; else the project's own test
# rules.  Figures are the run with least CPU of three: wall clock, and
# per CPU-second (user + system), which other load on the machine does
# not distort; peak RSS is the largest of the three.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
rules=${LL_CORPUS:-$top/../shared/corpus}/sigma-cloudtrail
[ -d "$rules" ] || rules=$top/tests/fixtures/sigma/own
in=$BENCH_DIR/cloudtrail.ndjson
bytes=$(wc -c <"$in")
recs=$(wc -l <"$in")
nrules=$(ll-sigma -K -y "$rules" 2>/dev/null | grep -c '"supported"')
echo "input: $bytes bytes, $recs records; rules: $nrules supported in $rules"
echo "command: ll-sigma -y $rules $in"
cat "$in" >/dev/null
CPU=999999 PEAK=0
for i in 1 2 3; do
	/usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/.time" \
	    ll-sigma -y "$rules" -S "$BENCH_DIR/.sigma-stats" "$in" \
	    >/dev/null 2>&1
	read -r w u s m <"$BENCH_DIR/.time"
	c=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
	if awk -v c="$c" -v b="$CPU" 'BEGIN { exit !(c < b) }'; then
		CPU=$c
		WALL=$w
	fi
	[ "$m" -gt "$PEAK" ] && PEAK=$m
done
awk -v b="$bytes" -v r="$recs" -v w="$WALL" -v c="$CPU" -v m="$PEAK" \
    'BEGIN { if (w == 0) w = 0.01; if (c == 0) c = 0.01;
    printf "%-22s %6.2f s %8.1f MB/s %9.0f rec/s | %6.2f cpu s " \
    "%8.1f MB/s %9.0f rec/s per cpu s | %6.1f MB peak\n",
    "ll-sigma", w, b / w / 1e6, r / w, c, b / c / 1e6, r / c, m / 1024 }'
jq -r '"matched: \(.records_out) records; rules that matched: " +
    ([.matches | to_entries[] | select(.value > 0)] | length | tostring) +
    " of \(.rules); refused: \(.rules_refused)"' "$BENCH_DIR/.sigma-stats"
rm -f "$BENCH_DIR/.sigma-stats"
