# Issue 12 figure: the cron job split into shards (ll-pipeline --shard), run
# here one shard after another on this machine, against one run of the
# whole workload; then the seed's full test (199M events, 400k objects,
# 12 accounts) estimated for 1, 10 and 100 array children from the
# CPU-seconds measured here.  SHARDS (default 4), SEED_PAIRS (account and
# region pairs of the seed, default 12 x 2 = 24), CHILD_CORES (default 2).
. "$(dirname "$0")/lib.sh"
n=${SHARDS:-4}
pairs=${SEED_PAIRS:-24}
cores=${CHILD_CORES:-2}
dir=$BENCH_DIR/shard
src="$BENCH_DIR/raw/cloudtrail $BENCH_DIR/raw/firehose"
win="-f 2026-03-01 -t 2026-03-03"
rm -rf "$dir"
recs=$(wc -l <"$BENCH_DIR/cloudtrail.ndjson")
objs=$(($(wc -l <"$BENCH_DIR/cloudtrail.files") + $(wc -l <"$BENCH_DIR/firehose.files")))
run one "ll-pipeline -q -D $dir/one $win $src"
one_cpu=$CPU_TAKEN one_s=$SECONDS_TAKEN
report "ll-pipeline, whole workload" 0 "$recs"
echo "  $one_cpu CPU-s for $recs events, $objs objects"
total=0 max=0
i=0
while [ $i -lt "$n" ]; do
	run s$i "ll-pipeline -q -D $dir/s$i --shard $i/$n $win $src"
	ev=$(jq '.tables.cloudtrail.rows_written + .tables.cloudtrail.rows_present' \
	    "$dir/s$i/state/shard-${i}of$n/last-run/reconciliation.json")
	printf '  shard %d/%d: %6.2f s, %6.2f CPU-s, %7d CloudTrail events\n' \
	    "$i" "$n" "$SECONDS_TAKEN" "$CPU_TAKEN" "$ev"
	total=$(echo "$total + $CPU_TAKEN" | bc)
	max=$(echo "if ($CPU_TAKEN > $max) $CPU_TAKEN else $max" | bc)
	i=$((i + 1))
done
echo "  $n shards: $total CPU-s in all (one run: $one_cpu), largest $max"
# The seed, from the whole run's CPU-seconds per event.  A child has
# CHILD_CORES cores; the pipeline's stages overlap on them, so its time
# is between its CPU-seconds / CHILD_CORES and its CPU-seconds.  An
# account and region pair is never split: with P pairs of equal volume
# the busiest of N children has the most pairs the hash gives one child
# (averaged over 2,000 random draws), and at most P children work.
awk -v cpu="$one_cpu" -v recs="$recs" -v pairs="$pairs" -v cores="$cores" \
    'BEGIN {
	srand(12); per = cpu / recs; seed = 199e6 * per
	printf "  per core: %.0f events/CPU-s; the seed: %.0f CPU-s\n",
	    1 / per, seed
	split("1 10 100", ns, " ")
	for (k = 1; k <= 3; k++) {
		c = ns[k]; sum = 0
		for (t = 0; t < 2000; t++) {
			split("", bin); m = 0
			for (p = 0; p < pairs; p++) {
				b = int(rand() * c)
				if (++bin[b] > m) m = bin[b]
			}
			sum += m
		}
		share = sum / 2000 / pairs
		printf "  seed on %3d children: busiest does %4.1f%% of the work," \
		    " %5.0f to %5.0f min\n", c, 100 * share,
		    seed * share / cores / 60, seed * share / 60
	}
    }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
