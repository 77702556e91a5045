# Helpers for bench.d scripts: timing with peak memory, and rates.
# run NAME CMD...: runs CMD through sh -c, prints nothing, sets
# SECONDS_TAKEN, PEAK_KB and CPU_TAKEN (user + system seconds of all
# its processes).
run() {
	name=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$BENCH_DIR/.time" sh -c "$*" \
	    >/dev/null
	SECONDS_TAKEN=$(cut -d' ' -f1 "$BENCH_DIR/.time")
	PEAK_KB=$(cut -d' ' -f2 "$BENCH_DIR/.time")
	CPU_TAKEN=$(awk '{ print $3 + $4 }' "$BENCH_DIR/.time")
}

# report NAME BYTES RECORDS: one aligned line of figures for the last run.
report() {
	awk -v n="$1" -v b="$2" -v r="$3" -v s="$SECONDS_TAKEN" -v m="$PEAK_KB" \
	    'BEGIN { if (s == 0) s = 0.01;
	    printf "%-34s %7.2f s %9.1f MB/s %11.0f rec/s %7.1f MB peak\n",
	    n, s, b / s / 1e6, r / s, m / 1024 }'
}
