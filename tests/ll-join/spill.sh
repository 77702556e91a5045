# Spilling to disk changes nothing in the output: a full join, plain and
# grouped, at budgets from none at all to plenty gives the same bytes as
# the in-memory join; the counters show that it spilled, and how deep.
# No spill file is left in the temporary directory.
python3 "$TOP/tests/ll-join/lib/gen.py" 3 300
mkdir spill
for m in plain agg; do
	case $m in
	plain)	set --;;
	agg)	set -- -a t=text:data -a n=count -a l=last:timestamp;;
	esac
	ll-join -J full -k sessionid -o timestamp -o event_id -d event_id \
	    "$@" L R >mem
	for b in 0 4K 32K 100K; do
		TMPDIR=$PWD/spill ll-join -J full -k sessionid -o timestamp \
		    -o event_id -d event_id -b $b -S stats.json "$@" L R \
		    >spilled 2>>err
		if cmp -s mem spilled; then same=same; else same=DIFFERENT; fi
		jq -r --arg b "$b" --arg m "$m" --arg same "$same" \
		    '"\($m) -b \($b): \($same) \(.records_out) rows, spilled " +
		    "\(.spill_bytes > 0), depth \(.spill_depth), " +
		    "\(.groups_over_memory) keys over the budget"' stats.json
	done
done
sort -u err
ls -A spill
