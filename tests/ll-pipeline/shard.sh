# Four shards as four local processes over one bucket (moto), each with
# its own folder as on four machines, and each told which shard it is
# in another engine's way: the union of their lakes has the same rows
# per table and day as a single run.  Running a shard again adds
# nothing.  Shards build no session review (ll-pipeline(1), CAVEATS).
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/lake.sh"
moto_start
sample src --accounts 8
seed tree cloudtrail src/cloudtrail >/dev/null
seed tree firehose src/firehose >/dev/null
unset AWS_BATCH_JOB_ARRAY_INDEX JOB_COMPLETION_INDEX CLOUD_RUN_TASK_INDEX \
    CLOUD_RUN_TASK_COUNT LL_SHARD_COUNT
set -- s3://cloudtrail/AWSLogs/ s3://firehose/
pipeline -D single "$@"
echo "single: rc=$?"
pipeline -D s0 --shard 0/4 "$@" &
p0=$!
JOB_COMPLETION_INDEX=1 pipeline -D s1 --shards=4 "$@" &
p1=$!
CLOUD_RUN_TASK_INDEX=2 CLOUD_RUN_TASK_COUNT=4 pipeline -D s2 "$@" &
p2=$!
AWS_BATCH_JOB_ARRAY_INDEX=3 LL_SHARD_COUNT=4 pipeline -D s3 "$@" &
p3=$!
for p in "0 $p0" "1 $p1" "2 $p2" "3 $p3"; do
	set -- $p
	wait "$2"
	echo "shard $1: rc=$?"
done
set -- s3://cloudtrail/AWSLogs/ s3://firehose/
for i in 0 1 2 3; do
	jq -c "{shard: $i, listed: .objects.listed, ct: .tables.cloudtrail.rows_written,
	    cw: .tables.cloudwatch.rows_written, ok}" \
	    s$i/state/shard-${i}of4/last-run/reconciliation.json
done
jq -c '{listed: .objects.listed, ct: .tables.cloudtrail.rows_written,
    cw: .tables.cloudwatch.rows_written}' single/state/last-run/reconciliation.json
# Every data file names its shard, so the lakes merge without a clash.
find s0/lake s1/lake s2/lake s3/lake -name 'part-*' | sed 's,.*/,,' |
    grep -cv '^part-s[0-3]of4-' | sed 's/$/ files without a shard/'
mkdir union
for i in 0 1 2 3; do
	cp -R -n s$i/lake/. union/
done
echo "files: $(find s?/lake -type f | wc -l) in shards," \
    "$(find union -type f | wc -l) in their union"
lake_digest single/lake | grep -v '^session_review/' >single.digest
lake_digest union | cmp - single.digest && echo "union = single run"
wc -l <single.digest
ls union
# Shard 2 again: nothing new, nothing written, the lake unchanged.
lake_digest s2/lake >before
CLOUD_RUN_TASK_INDEX=2 CLOUD_RUN_TASK_COUNT=4 pipeline -D s2 "$@"
echo "again: rc=$?"
jq -c '{new: .objects.new, fetched: .objects.fetched,
    written: .tables.cloudtrail.rows_written}' \
    s2/state/shard-2of4/last-run/reconciliation.json
lake_digest s2/lake | cmp - before && echo "shard 2 unchanged"
ls s2/state/shard-2of4/runs | wc -l
