# What a killed run leaves behind is removed by the next run, never
# through a link: the pipeline's hidden temporary files in state/ and in
# the session review's folders, the tables' writers' ones in lake/ and
# state/staging/, and the run directories of killed runs (those with no
# reconciliation.json, with the failures temporary files inside).  A
# leftover that is a link is removed as a link: what it points to stays.
# Then a real kill at several moments: after the next run, nothing of
# the kind is left.
. "$TOP/tests/lib/lake.sh"
sample src --days 1
pipeline -D lake src/cloudtrail src/firehose
mkdir victims
echo precious >victims/file
mkdir victims/dir
echo precious >victims/dir/file
s=lake/state l=lake/lake
day=$(ls $l/cloudtrail | head -n1)
echo x >$s/.processed.ndjson.tmp.4242
ln -s ../../victims/file $s/.processed.ndjson.tmp.4343
echo x >"$l/session_review/$day/.part-review.json.gz.tmp.99"
ln -s ../../../../victims/file "$l/session_review/$day/.part-review.json.gz.tmp.98"
echo x >"$l/cloudtrail/$day/.part-0123.parquet.tmp.AbCdEf"
mkdir -p "$s/staging/cloudwatch/$day"
echo x >"$s/staging/cloudwatch/$day/.part-0456.json.gz.tmp.GhIjKl"
mkdir -p $s/runs/20260101T000000Z-1
echo x >$s/runs/20260101T000000Z-1/.failures.cloudtrail.ndjson.tmp.XyZ123
ln -s ../../../victims/dir $s/runs/20260101T000000Z-2
find lake ! -type d -name '.*.tmp.*' | wc -l
pipeline -D lake src/cloudtrail src/firehose
echo "rc=$?"
find lake -name '.*.tmp.*' -o -name '20260101T*'
echo "victims: $(cat victims/file) $(cat victims/dir/file)"
for f in $s/runs/*; do [ -e "$f/reconciliation.json" ] || echo "$f"; done
echo "== killed runs"
for delay in 0.3 0.8 1.5; do
	setsid ll-pipeline -q -f 2026-03-01 -t 2026-03-02 -D k \
	    src/cloudtrail src/firehose 2>/dev/null &
	pid=$!
	sleep $delay
	kill -9 -- -$pid 2>/dev/null
	wait $pid 2>/dev/null
done
pipeline -D k src/cloudtrail src/firehose
echo "rc=$?"
find k -name '.*.tmp.*'
for f in k/state/runs/*; do [ -e "$f/reconciliation.json" ] || echo "$f"; done
