# Issue 19 figures: raw -> readready (the cloudtrail table) on several
# workload shapes made by gen-sample, each beside DuckDB's COPY of the
# same raw files' records to Parquet in the same run.  For every run:
# wall seconds and MB/s of raw JSON by the clock, CPU seconds (user +
# system, all processes) and MB/s per 2 CPU-seconds (what 2 idle cores
# would do), cores busy, and the peak RSS of the largest process.
# On a shared machine the clock says more about the neighbours than
# about us: read the CPU figures and the load average printed with them.
# Environment: BENCH_SHAPES (names to run, default all), BENCH_SHAPE_EVENTS
# (events of the first two shapes, default 100000; the third has half).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
sql="$top/tests/duckdb/sql.mjs"
n=${BENCH_SHAPE_EVENTS:-100000}
shapes=${BENCH_SHAPES:-"default names52-large large-heavy"}

# shape NAME: gen-sample's arguments for it.
shape_args() {
	case $1 in
	default) echo "--events $n" ;;
	# Close to issue 19's workload: 52 names, 156 accounts, 3 regions,
	# 8% of events with ~3 KB request parameters (half with a response
	# as large), ~1.8 KB an event.
	names52-large) echo "--events $n --names 52 --large-share 0.08" \
	    "--large-bytes 3000 --accounts 156" \
	    "--regions us-east-1,eu-west-1,ap-southeast-2" ;;
	# A third of the events with ~8 KB objects: ~5 KB an event.
	large-heavy) echo "--events $((n / 2)) --names 52" \
	    "--large-share 0.3 --large-bytes 8000 --accounts 20" ;;
	*) echo "55-shapes: unknown shape $1" >&2; return 1 ;;
	esac
}

# line NAME BYTES: one aligned line of the last run's figures.
line() {
	awk -v n="$1" -v b="$2" -v s="$SECONDS_TAKEN" -v c="$CPU_TAKEN" \
	    -v m="$PEAK_KB" 'BEGIN { if (s == 0) s = 0.01; if (c == 0) c = 0.01
	    printf "  %-22s %6.2f s %6.1f MB/s | %6.2f CPU s %6.1f MB/s per" \
	        " 2 cores | %4.2f cores | %6.1f MB peak\n", n, s, b / s / 1e6,
	        c, 2 * b / c / 1e6, c / s, m / 1024 }'
}

for sh in $shapes; do
	args=$(shape_args "$sh") || exit 1
	d=$BENCH_DIR/shape-$sh
	if [ "$(cat "$d/.args" 2>/dev/null)" != "$args" ]; then
		echo "55-shapes: generating $sh ($args)" >&2
		rm -rf "$d"
		mkdir -p "$d"
		# shellcheck disable=SC2086
		"$top/scripts/dev/gen-sample" $args --invocations 0 "$d/raw" ||
		    exit 1
		find "$d/raw/cloudtrail" -path '*/CloudTrail/*' \
		    -name '*.json.gz' | sort >"$d/files"
		echo "$args" >"$d/.args"
	fi
	json=$(xargs ll-ungz <"$d/files" | wc -c)
	ev=$(jq .events_written "$d/raw/expected.json")
	names=$(xargs ll-splitjson -e Records <"$d/files" |
	    jq -r .eventName | sort -u | wc -l)
	echo "$sh: $ev events, $json bytes of JSON ($((json / ev)) an" \
	    "event), $names event names, $(wc -l <"$d/files") files; $args"
	echo "  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	# gzip level 1 after 6: compression is half the CPU or more at 6;
	# then ZSTD (-c zstd) at its default level 3 and at 1.
	for o in --encoders=2 --encoders=1 "--encoders=2 -z1" \
	    "--encoders=2 -c zstd" "--encoders=2 -c zstd -z1"; do
		rm -rf "$d/rr"
		run "j$o" "xargs ll-splitjson -e Records -s source_object \
		    <$d/files | ll-partition $o --flatten -T cloudtrail \
		    -o $d/rr"
		line "ll-partition $o" "$json"
		[ "$o" = --encoders=1 ] &&
		    out=$(find "$d/rr" -name '*.parquet' -exec cat {} + | wc -c)
		[ "$o" = "--encoders=2 -z1" ] &&
		    out1=$(find "$d/rr" -name '*.parquet' -exec cat {} + | wc -c)
		[ "$o" = "--encoders=2 -c zstd" ] &&
		    zs3=$(find "$d/rr" -name '*.parquet' -exec cat {} + | wc -c)
		[ "$o" = "--encoders=2 -c zstd -z1" ] &&
		    zs1=$(find "$d/rr" -name '*.parquet' -exec cat {} + | wc -c)
	done
	# DuckDB: the same records, the table's main columns typed as
	# DuckDB reads them, the nested objects as JSON text.
	files=$(sed "s/.*/'&'/" "$d/files" | paste -sd,)
	cat >"$d/copy.sql" <<X
SET threads = 2;
COPY (SELECT r->>'eventVersion' AS eventversion,
    r->'userIdentity' AS useridentity,
    CAST(r->>'eventTime' AS TIMESTAMP) AS eventtime,
    r->>'eventSource' AS eventsource, r->>'eventName' AS eventname,
    r->>'awsRegion' AS awsregion, r->>'sourceIPAddress' AS sourceipaddress,
    r->>'userAgent' AS useragent, r->>'errorCode' AS errorcode,
    r->>'errorMessage' AS errormessage,
    r->'requestParameters' AS requestparameters,
    r->'responseElements' AS responseelements,
    r->>'requestID' AS requestid, r->>'eventID' AS eventid,
    CAST(r->>'readOnly' AS BOOLEAN) AS readonly,
    r->'resources' AS resources, r->>'eventType' AS eventtype,
    CAST(r->>'managementEvent' AS BOOLEAN) AS managementevent,
    r->>'recipientAccountId' AS recipientaccountid,
    r->>'eventCategory' AS eventcategory, r->'tlsDetails' AS tlsdetails
    FROM (SELECT unnest(Records) AS r FROM read_json([$files],
    columns = {'Records': 'JSON[]'}, maximum_object_size = 1073741824)))
    TO '$d/duck.parquet' (FORMAT parquet, COMPRESSION gzip);
X
	rm -f "$d/duck.parquet"
	run duck "node $sql $d/copy.sql"
	line "DuckDB COPY (2 threads)" "$json"
	awk -v a="$out" -v b="$(wc -c <"$d/duck.parquet")" -v j="$json" \
	    -v z="$out1" 'BEGIN { printf "  Parquet bytes: ll-partition %d" \
	    " (%.1fx smaller than the JSON; -z1 %d, %.1fx), DuckDB %d" \
	    " (%.1fx)\n", a, j / a, z, j / z, b, j / b }'
	awk -v a="$zs3" -v z="$zs1" -v j="$json" 'BEGIN { printf "  Parquet" \
	    " bytes, -c zstd: %d (%.1fx smaller than the JSON; -z1 %d," \
	    " %.1fx)\n", a, j / a, z, j / z }'
	echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
