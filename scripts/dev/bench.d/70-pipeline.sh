# Issue 6 figure: the whole cron job (ll-pipeline) over the benchmark
# workload, from local raw buckets to the readready tables and session
# reviews, and a second run with nothing new.
. "$(dirname "$0")/lib.sh"
dir=$BENCH_DIR/pipeline
rm -rf "$dir"
json=$(xargs zcat <"$BENCH_DIR/cloudtrail.files" | wc -c)
fh=$(xargs zcat <"$BENCH_DIR/firehose.files" | wc -c)
recs=$(wc -l <"$BENCH_DIR/cloudtrail.ndjson")
run first "ll-pipeline -q -D $dir -f 2026-03-01 -t 2026-03-03 \
    $BENCH_DIR/raw/cloudtrail $BENCH_DIR/raw/firehose"
report "ll-pipeline, first run" "$((json + fh))" "$recs"
jq -r .summary "$dir/state/last-run/reconciliation.json"
run again "ll-pipeline -q -D $dir -f 2026-03-01 -t 2026-03-03 \
    $BENCH_DIR/raw/cloudtrail $BENCH_DIR/raw/firehose"
report "ll-pipeline, nothing new" 0 0
echo "raw JSON: $json bytes CloudTrail + $fh bytes CloudWatch;" \
    "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
