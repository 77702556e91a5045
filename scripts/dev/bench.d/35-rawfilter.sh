# Issue 15 (a) figures: searching the raw CloudTrail objects with the
# controls (3 event names, 5 accounts, as in 30-filter), ll-filter
# beside DuckDB on the same .json.gz files in the same run: the
# two-tool pipeline, ll-filter -e (one process), ll-filter -e -j 2 (two
# threads), and DuckDB writing the same records to a file (and only
# counting them).  The machine may be shared, so CPU seconds (user +
# system, all threads and processes) come with every wall time; DuckDB's
# include node's start-up (about 0.1 s).  The best of three runs counts.
# Run by scripts/bench (BENCH_DIR, PATH).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
raw=$BENCH_DIR/raw
ct=$BENCH_DIR/cloudtrail.files
exp=$raw/expected.json
[ -s "$ct" ] || find "$raw/cloudtrail" -path '*/CloudTrail/*' \
    -name '*.json.gz' | sort >"$ct"
accts=$(jq -r '.accounts[0:3] + ["111122223333", "444455556666"] |
    join(" ")' "$exp")
ctl=$BENCH_DIR/rawfilter.controls
printf '%s\n' 'allow eventname StartSession AssumeRole AssumeRoleWithSAML' \
    "allow account $accts" >"$ctl"
json=$(xargs ll-ungz <"$ct" | wc -c)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $(wc -l <"$ct") CloudTrail files, $json bytes of JSON"
echo "controls: $(tr '\n' ';' <"$ctl")"

best() {	# NAME CMD: the run with least CPU of three
	b=999999
	for i in 1 2 3; do
		run "$1" "$2"
		if awk -v c="$CPU_TAKEN" -v b="$b" 'BEGIN { exit !(c < b) }'
		then
			b=$CPU_TAKEN bw=$SECONDS_TAKEN bm=$PEAK_KB
		fi
	done
	CPU_TAKEN=$b SECONDS_TAKEN=$bw PEAK_KB=$bm
	printf '%-30s %7.2f s %7.2f CPU s %8.1f MB/s per CPU s %7.1f MB peak\n' \
	    "$1" "$SECONDS_TAKEN" "$CPU_TAKEN" \
	    "$(awk -v b="$json" -v c="$CPU_TAKEN" 'BEGIN { print b / c / 1e6 }')" \
	    "$(awk -v m="$PEAK_KB" 'BEGIN { print m / 1024 }')"
}

out=$BENCH_DIR/rawfilter
best "pipeline (splitjson | filter)" "xargs ll-splitjson -e Records \
    -s source_object <$ct | ll-filter -c $ctl >$out.pipe"
best "ll-filter -e" "xargs ll-filter -e Records -s source_object \
    -c $ctl <$ct >$out.e"
lc=$CPU_TAKEN lw=$SECONDS_TAKEN
best "ll-filter -e -j 2" "xargs ll-filter -e Records -s source_object \
    -c $ctl -j 2 <$ct >$out.j2"
jc=$CPU_TAKEN jw=$SECONDS_TAKEN

cat >"$BENCH_DIR/rawfilter.sql" <<X
CREATE VIEW ct_raw AS SELECT unnest(Records) AS r FROM read_json(
    ['$raw/cloudtrail/AWSLogs/*/*/CloudTrail/*/*/*/*/*.json.gz',
     '$raw/cloudtrail/AWSLogs/*/CloudTrail/*/*/*/*/*.json.gz'],
    columns = {'Records': 'JSON[]'});
X
inlist=$(echo "$accts" | sed "s/ /','/g")
where="(r->>'eventName') IN ('StartSession','AssumeRole','AssumeRoleWithSAML')
    AND coalesce(r->>'recipientAccountId', r->'userIdentity'->>'accountId')
    IN ('$inlist')"
best "DuckDB, records to a file" "node $top/tests/duckdb/sql.mjs \
    $BENCH_DIR/rawfilter.sql -- \"COPY (SELECT r FROM ct_raw WHERE $where)
    TO '$out.duck' (FORMAT JSON)\""
dc=$CPU_TAKEN dw=$SECONDS_TAKEN
best "DuckDB, count only" "node $top/tests/duckdb/sql.mjs \
    $BENCH_DIR/rawfilter.sql -- \"SELECT count(*) FROM ct_raw WHERE $where\""
cc=$CPU_TAKEN

same=yes
cmp -s "$out.pipe" "$out.e" && cmp -s "$out.e" "$out.j2" || same=no
echo "records kept: ll-filter $(wc -l <"$out.e") (pipeline, -e and -j 2" \
    "byte for byte the same: $same), DuckDB $(wc -l <"$out.duck")"
awk -v lc="$lc" -v lw="$lw" -v jc="$jc" -v jw="$jw" -v dc="$dc" \
    -v dw="$dw" -v cc="$cc" 'BEGIN {
	printf "ll-filter -e: %.1fx DuckDB per CPU second (%.1fx DuckDB" \
	    " counting only)\n", dc / lc, cc / lc
	printf "ll-filter -e -j 2: %.1fx DuckDB per CPU second, %.1fx its" \
	    " wall-clock throughput\n", dc / jc, dw / jw }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$out.pipe" "$out.e" "$out.j2" "$out.duck"
