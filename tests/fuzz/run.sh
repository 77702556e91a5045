#!/bin/sh
# Runs fuzz targets built by "make fuzz" for a bounded time and prints,
# per target, the executions, coverage and result; exits 1 if any
# target found a crash, a leak, a timeout or a failed check.
#
# usage: tests/fuzz/run.sh [seconds [target ...]]
#
# SECONDS (default 60) is the budget for all the named targets (default:
# every build/fuzz/fuzz_*), shared equally, at least 5 each.  Inputs the
# fuzzer finds go to build/fuzz/corpus/TARGET, which later runs resume
# from; seeds are read from tests/fuzz/corpus/TARGET and, read-only,
# from each directory in FUZZ_EXTRA (default: ../shared/corpus when it
# exists).  tests/fuzz/fuzz_TARGET.options may hold more libFuzzer
# flags.  Crash inputs are written to build/fuzz/crashes/; logs to
# build/fuzz/log/TARGET.log.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
total=${1:-60}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
	set -- $(ls "$top"/build/fuzz/fuzz_* 2>/dev/null |
	    sed 's,.*/fuzz_,,')
fi
if [ $# -eq 0 ]; then
	echo "run.sh: no fuzz targets; run make fuzz first" >&2
	exit 2
fi
per=$((total / $#))
[ $per -lt 5 ] && per=5
if [ -z "${FUZZ_EXTRA+set}" ]; then
	FUZZ_EXTRA=
	[ -d "$top/../shared/corpus" ] &&
	    FUZZ_EXTRA=$(cd "$top/../shared/corpus" && pwd)
fi
mkdir -p "$top/build/fuzz/log" "$top/build/fuzz/crashes"

status=0
printf '%-8s %10s %6s %7s %7s  %s\n' target execs secs cov ft result
for t in "$@"; do
	bin=$top/build/fuzz/fuzz_$t
	log=$top/build/fuzz/log/$t.log
	work=$top/build/fuzz/corpus/$t
	mkdir -p "$work"
	dirs="$work"
	[ -d "$top/tests/fuzz/corpus/$t" ] &&
	    dirs="$dirs $top/tests/fuzz/corpus/$t"
	for d in $FUZZ_EXTRA; do
		[ -d "$d" ] && dirs="$dirs $d"
	done
	opts=
	[ -f "$top/tests/fuzz/fuzz_$t.options" ] &&
	    opts=$(grep -v '^#' "$top/tests/fuzz/fuzz_$t.options")
	start=$(date +%s)
	# -close_fd_mask=2 silences the library's per-record warnings;
	# libFuzzer's own report and the harness checks still get out.
	"$bin" -max_total_time="$per" -timeout=30 -rss_limit_mb=2048 \
	    -print_final_stats=1 -close_fd_mask=2 \
	    -artifact_prefix="$top/build/fuzz/crashes/$t-" \
	    $opts $dirs >"$log" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    tail -n1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
	if [ $rc -eq 0 ]; then
		result=ok
	else
		result="FAILED (exit $rc, see $log)"
		status=1
	fi
	printf '%-8s %10s %6s %7s %7s  %s\n' "$t" "${execs:-?}" "$secs" \
	    "${cov:-?}" "${ft:-?}" "$result"
	if [ $rc -ne 0 ]; then
		grep -E -A3 'ERROR|fuzz check failed|Test unit written' \
		    "$log" | head -n 20 | sed 's/^/# /'
	fi
done
exit $status
