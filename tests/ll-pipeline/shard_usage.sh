# A shard that cannot be told is a usage error (exit 2), said in
# ll-pipeline's name, before anything is created.
unset AWS_BATCH_JOB_ARRAY_INDEX JOB_COMPLETION_INDEX CLOUD_RUN_TASK_INDEX \
    CLOUD_RUN_TASK_COUNT LL_SHARD_COUNT
mkdir src
ll-pipeline -q --shard 4/4 src
echo "--shard 4/4: rc=$?"
ll-pipeline -q --shard 1 src
echo "--shard 1: rc=$?"
ll-pipeline -q --shards=3 src
echo "--shards=3: rc=$?"
AWS_BATCH_JOB_ARRAY_INDEX=2 ll-pipeline -q src
echo "AWS_BATCH_JOB_ARRAY_INDEX=2: rc=$?"
JOB_COMPLETION_INDEX=1 CLOUD_RUN_TASK_INDEX=0 CLOUD_RUN_TASK_COUNT=2 \
    ll-pipeline -q src
echo "two indexes: rc=$?"
AWS_BATCH_JOB_ARRAY_INDEX=1 ll-pipeline -q --shards 2 --shard 0/2 src
echo "--shard against the index: rc=$?"
[ -e loglake ] || echo "nothing created"
ll-pipeline -q -I 0/2 src 2>/dev/null
echo "-I: rc=$?"
[ -e loglake ] || echo "still nothing created"
