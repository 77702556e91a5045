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
try -- -I 0/1
try -- -I 2/4
try -- --shard=3/4 --shards 4
try AWS_BATCH_JOB_ARRAY_INDEX=5 -- -N 10
try AWS_BATCH_JOB_ARRAY_INDEX=5 LL_SHARD_COUNT=10 --
try JOB_COMPLETION_INDEX=0 LL_SHARD_COUNT=3 --
try CLOUD_RUN_TASK_INDEX=6 CLOUD_RUN_TASK_COUNT=7 --
try AWS_BATCH_JOB_ARRAY_INDEX=2 JOB_COMPLETION_INDEX=2 -- -N 3
try AWS_BATCH_JOB_ARRAY_INDEX=1 -- -I 1/2
try AWS_BATCH_JOB_ARRAY_INDEX= LL_SHARD_COUNT= --
echo "errors:"
try -- -I 4/4
try -- -I 1
try -- -I /4
try -- -I 1/0
try -- -I -1/4
try -- -I 1/4x
try -- -I 0/100001
try -- -I 1/4 -N 3
try -- -N 4
try LL_SHARD_COUNT=4 --
try AWS_BATCH_JOB_ARRAY_INDEX=1 --
try AWS_BATCH_JOB_ARRAY_INDEX=x -- -N 4
try AWS_BATCH_JOB_ARRAY_INDEX=4 -- -N 4
try AWS_BATCH_JOB_ARRAY_INDEX=1 JOB_COMPLETION_INDEX=2 -- -N 4
try AWS_BATCH_JOB_ARRAY_INDEX=1 -- -I 2/4
try LL_SHARD_COUNT=5 -- -I 1/4
try LL_SHARD_COUNT=5 -- -N 4
try CLOUD_RUN_TASK_INDEX=1 CLOUD_RUN_TASK_COUNT=3 LL_SHARD_COUNT=4 --
try CLOUD_RUN_TASK_INDEX=1 CLOUD_RUN_TASK_COUNT=3 -- -I 1/4
ll-fetch -O -s store -I 1/2 </dev/null
echo "get: rc=$?"
