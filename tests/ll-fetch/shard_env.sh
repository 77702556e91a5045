# --shard and the engines' conventions (AWS Batch, Kubernetes Indexed
# Jobs, Cloud Run): which shard a child is, and usage errors (exit 2)
# for every bad or contradictory value.  The stats say the shard taken.
mkdir -p src/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01
unset AWS_BATCH_JOB_ARRAY_INDEX JOB_COMPLETION_INDEX CLOUD_RUN_TASK_INDEX \
    CLOUD_RUN_TASK_COUNT LL_SHARD_COUNT
try() {	# NAME=VALUE..., then -- and ll-fetch's arguments
	e=""
	while [ "$1" != -- ]; do e="$e $1"; shift; done
	shift
	# shellcheck disable=SC2086
	env $e ll-fetch -l -q -S stats "$@" src >/dev/null
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "$e $*: $(jq -c '[.shard_index, .shard_count]' stats)"
	else
		echo "$e $*: rc=$rc"
	fi
	rm -f stats
}
try --
try -- --shard 0/1
try -- --shard 2/4
try -- --shard=3/4 --shards 4
try AWS_BATCH_JOB_ARRAY_INDEX=5 -- --shards 10
try AWS_BATCH_JOB_ARRAY_INDEX=5 LL_SHARD_COUNT=10 --
try JOB_COMPLETION_INDEX=0 LL_SHARD_COUNT=3 --
try CLOUD_RUN_TASK_INDEX=6 CLOUD_RUN_TASK_COUNT=7 --
try AWS_BATCH_JOB_ARRAY_INDEX=2 JOB_COMPLETION_INDEX=2 -- --shards 3
try AWS_BATCH_JOB_ARRAY_INDEX=1 -- --shard 1/2
try AWS_BATCH_JOB_ARRAY_INDEX= LL_SHARD_COUNT= --
echo "errors:"
try -- --shard 4/4
try -- --shard 1
try -- --shard /4
try -- --shard 1/0
try -- --shard -1/4
try -- --shard 1/4x
try -- --shard 0/100001
try -- --shard 1/4 --shards 3
try -- --shards 4
try LL_SHARD_COUNT=4 --
try AWS_BATCH_JOB_ARRAY_INDEX=1 --
try AWS_BATCH_JOB_ARRAY_INDEX=x -- --shards 4
try AWS_BATCH_JOB_ARRAY_INDEX=4 -- --shards 4
try AWS_BATCH_JOB_ARRAY_INDEX=1 JOB_COMPLETION_INDEX=2 -- --shards 4
try AWS_BATCH_JOB_ARRAY_INDEX=1 -- --shard 2/4
try LL_SHARD_COUNT=5 -- --shard 1/4
try LL_SHARD_COUNT=5 -- --shards 4
try CLOUD_RUN_TASK_INDEX=1 CLOUD_RUN_TASK_COUNT=3 LL_SHARD_COUNT=4 --
try CLOUD_RUN_TASK_INDEX=1 CLOUD_RUN_TASK_COUNT=3 -- --shard 1/4
ll-fetch -O -s store --shard 1/2 </dev/null
echo "get: rc=$?"
# --shard and --shards have no letter: -I is --indicators elsewhere.
ll-fetch -l -q -I 1/2 src >/dev/null 2>&1
echo "-I: rc=$?"
ll-fetch -l -q -N 2 src >/dev/null 2>&1
echo "-N: rc=$?"
