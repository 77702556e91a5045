# Issue 15 figure (b): an indicator search over the whole readready
# lake (both tables, every column, every day), ll-timeline side by side
# with DuckDB's equivalent query over the same Parquet files, in the
# same run, both on 2 threads: every VARCHAR column tested with
# contains() for each indicator, rows ordered by time.  Each is run
# three times and the best wall time counts; DuckDB's is its in-engine
# query time (from sql.mjs, without starting node or printing rows),
# ours the whole process.  CPU seconds and peak RSS are of whole
# processes (DuckDB's over its three rounds).  Answers are checked equal.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
sql="$top/tests/duckdb/sql.mjs"
raw=$BENCH_DIR/raw
rr=$BENCH_DIR/readready
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -d "$rr/cloudtrail" ] || [ ! -d "$rr/cloudwatch" ]; then
	echo "building $rr (as 50-readready does)"
	rm -rf "$rr"
	xargs ll-splitjson -e Records -s source_object \
	    <"$BENCH_DIR/cloudtrail.files" |
	    ll-partition --flatten -T cloudtrail -o "$rr" >/dev/null
	xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
	    -s source_object <"$BENCH_DIR/firehose.files" |
	    ll-partition --flatten -T cloudwatch -o "$rr" >/dev/null
fi
# The example session's address, id and instance, and an access key.
ind=$BENCH_DIR/indicators.txt
jq -r '.example_session | .source_ip, .sessionid, .target' \
    "$raw/expected.json" >"$ind"
ll-filter -w '.userIdentity.accessKeyId ^= ASIA' "$BENCH_DIR/cloudtrail.ndjson" |
    head -n 1 | jq -r .userIdentity.accessKeyId >>"$ind"
bytes=$(find "$rr" -name '*.parquet' -exec cat {} + | wc -c)
echo "lake: $(find "$rr" -name '*.parquet' | wc -l) Parquet files," \
    "$bytes bytes; indicators: $(tr '\n' ' ' <"$ind")"

best=999999
for i in 1 2 3; do
	run tl "ll-timeline -j 2 -D $rr -I $ind -o ndjson -S $BENCH_DIR/.tl.stats \
	    >$BENCH_DIR/.tl.out"
	if awk -v s="$SECONDS_TAKEN" -v b="$best" 'BEGIN { exit !(s < b) }'; then
		best=$SECONDS_TAKEN
		tl_cpu=$CPU_TAKEN
		tl_kb=$PEAK_KB
	fi
done
rows=$(jq .records_in "$BENCH_DIR/.tl.stats")
found=$(wc -l <"$BENCH_DIR/.tl.out")

# DuckDB: the same search, written out column by column.
python3 - "$rr" "$ind" "$sql" >"$BENCH_DIR/.tl.queries" <<'X'
import json, subprocess, sys
rr, ind, sql = sys.argv[1:]
ind = [l.strip() for l in open(ind) if l.strip()]
for t, tcol in (("cloudtrail", "eventtime"), ("cloudwatch", "event_time")):
    f = "read_parquet('%s/%s/*/*.parquet', hive_partitioning = true)" % (rr, t)
    out = subprocess.run(["node", sql, "--", "SELECT column_name, column_type "
        "FROM (DESCRIBE SELECT * FROM %s)" % f], capture_output=True,
        text=True, check=True).stdout
    cols = [c for c, ty in map(json.loads, out.splitlines()) if ty == "VARCHAR"]
    cond = " OR ".join("contains(%s, '%s')" % (c, i) for c in cols for i in ind)
    print("SELECT * FROM %s WHERE %s ORDER BY %s" % (f, cond, tcol))
X
echo "SET threads = 2;" >"$BENCH_DIR/.tl.setup"
q1=$(sed -n 1p "$BENCH_DIR/.tl.queries")
q2=$(sed -n 2p "$BENCH_DIR/.tl.queries")
/usr/bin/time -f '%e %M %U %S' -o "$BENCH_DIR/.time" env SQL_TIMING=1 \
    node "$sql" "$BENCH_DIR/.tl.setup" -- "$q1" "$q2" "$q1" "$q2" "$q1" "$q2" \
    >"$BENCH_DIR/.duck.out" 2>"$BENCH_DIR/.duck.times"
duck_kb=$(cut -d' ' -f2 "$BENCH_DIR/.time")
duck_cpu=$(awk '{ print ($3 + $4) / 3 }' "$BENCH_DIR/.time")
duck=$(awk '{ t = $3 + 0; q = ($2 + 1) % 2
	if (!(q in b) || t < b[q]) b[q] = t }
	END { print (b[0] + b[1]) / 1000 }' "$BENCH_DIR/.duck.times")
duck_found=$(($(wc -l <"$BENCH_DIR/.duck.out") / 3))

awk -v n="ll-timeline -j 2" -v s="$best" -v c="$tl_cpu" -v m="$tl_kb" \
    -v r="$rows" -v b="$bytes" 'BEGIN { if (s == 0) s = 0.01
	printf "%-22s %6.2f s %10.0f rows/s %7.1f MB/s %6.2f CPU s %7.1f MB peak\n",
	n, s, r / s, b / s / 1e6, c, m / 1024 }'
awk -v n="DuckDB, 2 threads" -v s="$duck" -v c="$duck_cpu" -v m="$duck_kb" \
    -v r="$rows" -v b="$bytes" 'BEGIN { if (s == 0) s = 0.01
	printf "%-22s %6.2f s %10.0f rows/s %7.1f MB/s %6.2f CPU s %7.1f MB peak\n",
	n, s, r / s, b / s / 1e6, c, m / 1024 }'
awk -v a="$best" -v b="$duck" -v c="$tl_cpu" -v d="$duck_cpu" \
    -v f="$found" -v g="$duck_found" 'BEGIN {
	if (a == 0) a = 0.01; if (c == 0) c = 0.01
	printf "indicator search: ll-timeline is %.1fx the speed of DuckDB " \
	    "(%.1fx per CPU second); %d rows found%s\n", b / a, d / c, f,
	    f == g ? ", as DuckDB" : sprintf(" BUT DuckDB found %d", g) }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
