# Four shards sharing one folder (a shared file system), at once: each
# keeps its own state and lock, their files never clash, and the lake is
# a single run's, the session review too: the shards that run once every
# shard's folder is there review their days from all shards' staging.
# Run again with a late transcript, the shards' review of its day is
# the single run's again.
. "$TOP/tests/lib/lake.sh"
sample src --accounts 8
unset AWS_BATCH_JOB_ARRAY_INDEX JOB_COMPLETION_INDEX CLOUD_RUN_TASK_INDEX \
    CLOUD_RUN_TASK_COUNT LL_SHARD_COUNT
shards() {	# all four at once in shared/, then each one's status
	pids=""
	for i in 0 1 2 3; do
		AWS_BATCH_JOB_ARRAY_INDEX=$i pipeline -D shared --shards 4 \
		    src/cloudtrail src/firehose &
		pids="$pids $!"
	done
	for p in $pids; do
		wait "$p"
		echo "rc=$?"
	done
}
pipeline -D single src/cloudtrail src/firehose
echo "single: rc=$?"
shards
ls shared/state
for i in 0 1 2 3; do
	jq -r .summary shared/state/shard-${i}of4/last-run/reconciliation.json |
	    sed -n 2p | sed 's/ (.*//'
done
lake_digest single/lake >single.digest
lake_digest shared/lake | cmp - single.digest && echo "same rows as a single run"
grep -c '^session_review/' single.digest
find shared/lake -path '*/session_review' -prune -o -name 'part-*' -print | sed 's,.*/part-\(s[0-9]of4\)-.*,\1,' |
    sort | uniq -c | awk '{print $2, $1 " files"}'
# Every shard again, at once, after a late transcript (shard 0's) of a
# session whose StartSession may be any shard's.
sid=$(ll-ungz shared/state/shard-0of4/staging/cloudwatch/calendarday=2026-03-01/*.json.gz |
    jq -r 'select(.sessionid != null) | .sessionid' | sort -u | head -n1)
late() {
	python3 - "$1" "$sid" <<'P'
import gzip, json, sys
doc = {"messageType": "DATA_MESSAGE", "owner": "111111111111",
    "logGroup": "/aws/ssm/sessionlogs", "logStream": sys.argv[2],
    "subscriptionFilters": ["f"], "logEvents": [{"id": "9" * 56,
    "timestamp": 1772366400000, "message": json.dumps({"sessionId":
    sys.argv[2], "sessionData": ["late line"], "eventVersion": "1.0"})}]}
open(sys.argv[1], "wb").write(gzip.compress(json.dumps(doc).encode()))
P
}
d=src/firehose/2026/03/01/12
mkdir -p $d
late $d/late-stream-1-2026-03-01-12-00-00-ffff
pipeline -D single src/cloudtrail src/firehose
echo "single again: rc=$?"
shards
lake_digest single/lake >single.digest
lake_digest shared/lake | cmp - single.digest && echo "same rows as a single run"
ll-ungz single/lake/session_review/calendarday=2026-03-01/*.json.gz |
    grep -c 'late line'
# Shard 1 alone first, in a new shared folder: no review (the others'
# folders are not there), its days kept pending; then the others, then
# shard 1 again with nothing new, which reviews its pending days.
AWS_BATCH_JOB_ARRAY_INDEX=1 pipeline -D shared2 --shards 4 src/cloudtrail src/firehose
echo "shard 1 alone: rc=$?"
cat shared2/state/shard-1of4/review.pending
for i in 0 2 3; do
	AWS_BATCH_JOB_ARRAY_INDEX=$i pipeline -D shared2 --shards 4 \
	    src/cloudtrail src/firehose
	echo "shard $i: rc=$?"
done
AWS_BATCH_JOB_ARRAY_INDEX=1 pipeline -D shared2 --shards 4 src/cloudtrail src/firehose
echo "shard 1 again: rc=$?"
echo "reviewed: $(cat shared2/state/shard-1of4/last-run/review.days)"
[ -e shared2/state/shard-1of4/review.pending ] || echo "nothing pending"
lake_digest shared2/lake | cmp - single.digest && echo "same rows as a single run"
