# Runs killed with SIGKILL at several points, then a run to completion:
# the lake is identical to an uninterrupted run, nothing lost, nothing
# duplicated, and no partial file is ever visible.
. "$TOP/tests/lib/lake.sh"
sample src
pipeline -D clean src/cloudtrail src/firehose
lake_digest clean/lake >clean.digest
for delay in 0.2 0.5 0.9 1.4; do
	# The run and every stage of it, as one process group.
	setsid ll-pipeline -q -f 2026-03-01 -t 2026-03-02 -D killed \
	    src/cloudtrail src/firehose 2>/dev/null &
	pid=$!
	sleep $delay
	kill -9 -- -$pid 2>/dev/null
	wait $pid 2>/dev/null
	# Readers never see a temporary file: those start with a dot.
	find killed/lake -name '*.gz' ! -name '.*' | while read -r f; do
		gzip -t "$f" || echo "broken: $f"
	done
	find killed/lake -name '*.parquet' | while read -r f; do
		[ "$(tail -c 4 "$f")" = PAR1 ] || echo "broken: $f"
	done
done
pipeline -D killed src/cloudtrail src/firehose
echo "rc=$?"
lake_digest killed/lake | cmp - clean.digest && echo "same lake"
cut -d" " -f1,2 clean.digest
