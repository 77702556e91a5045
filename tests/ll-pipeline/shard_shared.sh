# Four shards sharing one folder (a shared file system), at once: each
# keeps its own state and lock, their files never clash, and the lake is
# a single run's (but for the session review, which shards leave out).
. "$TOP/tests/lib/lake.sh"
sample src --accounts 8
unset AWS_BATCH_JOB_ARRAY_INDEX JOB_COMPLETION_INDEX CLOUD_RUN_TASK_INDEX \
    CLOUD_RUN_TASK_COUNT LL_SHARD_COUNT
pipeline -D single src/cloudtrail src/firehose
echo "single: rc=$?"
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
ls shared/state
for i in 0 1 2 3; do
	jq -r .summary shared/state/shard-${i}of4/last-run/reconciliation.json |
	    sed -n 2p | sed 's/ (.*//'
done
lake_digest single/lake | grep -v '^session_review/' >single.digest
lake_digest shared/lake | cmp - single.digest && echo "same rows as a single run"
find shared/lake -name 'part-*' | sed 's,.*/part-\(s[0-9]of4\)-.*,\1,' |
    sort | uniq -c | awk '{print $2, $1 " files"}'
