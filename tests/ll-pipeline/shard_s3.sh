# Four shards publishing to one S3 lake (moto, behind the signature-
# checking proxy), each from the stage in its own folder, as on four
# machines at once: the lake they make together has the same rows per
# table and day as a single run's, its names are part-HASH with no
# clash, every partition is registered once in Glue however many
# shards wrote to it, and a shard run again leaves the bucket as it was.
# The single run publishes the session review too; shards each with its
# own -D build none (their days wait in review.pending, CAVEATS).
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/lake.sh"
moto_start
proxy_start --verify test:test --log proxy.log
export AWS_ENDPOINT_URL=$PROXY_URL AWS_ENDPOINT_URL_GLUE=$MOTO_URL
unset AWS_BATCH_JOB_ARRAY_INDEX JOB_COMPLETION_INDEX CLOUD_RUN_TASK_INDEX \
    CLOUD_RUN_TASK_COUNT LL_SHARD_COUNT
sample src --accounts 8
seed tree cloudtrail src/cloudtrail >/dev/null
seed tree firehose src/firehose >/dev/null
seed mb lake
seed mb single
glue CreateDatabase '{"DatabaseInput":{"Name":"lake"}}' >/dev/null
for t in cloudtrail cloudwatch; do
	glue CreateTable "{\"DatabaseName\":\"lake\",\"TableInput\":$(ll-partition \
	    -T $t -o s3://lake/rr/ -d glue)}" >/dev/null
done
set -- s3://cloudtrail/AWSLogs/ s3://firehose/
pipeline -D single -o s3://single/rr/ "$@"
echo "single: rc=$?"
for i in 0 1 2 3; do
	pipeline -D s$i -o s3://lake/rr/ -d lake --shard $i/4 "$@" &
	eval p$i=\$!
done
for i in 0 1 2 3; do
	eval wait \$p$i
	echo "shard $i: rc=$?"
done
for i in 0 1 2 3; do
	jq -c "{shard: $i, ct: .tables.cloudtrail.rows_written,
	    cw: .tables.cloudwatch.rows_written, ok}" \
	    s$i/state/shard-${i}of4/last-run/reconciliation.json
done
seed ls lake | sed -n 's:.*/\(\.*part-\)[0-9a-f]\{20\}\.\([a-z.]*\) .*:\1HASH.\2:p' |
    sort | uniq -c
for b in lake single; do
	ll-fetch -l s3://$b/rr/ | ll-fetch -O -s dl -q >/dev/null
	lake_digest dl/$b/rr >$b.digest
done
grep -v '^session_review/' single.digest | cmp lake.digest - &&
    echo "shards' lake = single run's lake, but for the review"
echo "review days: shards $(grep -c '^session_review/' lake.digest)," \
    "single run $(grep -c '^session_review/' single.digest)"
cut -d' ' -f1,2 lake.digest
for t in cloudtrail cloudwatch; do
	glue GetPartitions "{\"DatabaseName\":\"lake\",\"TableName\":\"${t}_readready\"}" |
	    jq -r '.Partitions[] | [.Values[0], .StorageDescriptor.Location] | @tsv' |
	    sort
done
seed ls lake >before
pipeline -D s2 -o s3://lake/rr/ -d lake --shard 2/4 "$@"
echo "shard 2 again: rc=$?"
jq -c '{new: .objects.new, written: .tables.cloudtrail.rows_written, ok}' \
    s2/state/shard-2of4/last-run/reconciliation.json
seed ls lake | cmp - before && echo "lake unchanged"
# Four shards sharing one -D (an EFS folder, as deploy/ mounts it), at
# once, into another bucket: their lake, the session review too, is the
# single run's, with one review object a day.
seed mb lake2
for i in 0 1 2 3; do
	pipeline -D shared -o s3://lake2/rr/ --shard $i/4 "$@" &
	eval p$i=\$!
done
for i in 0 1 2 3; do
	eval wait \$p$i
	echo "shared shard $i: rc=$?"
done
ll-fetch -l s3://lake2/rr/ | ll-fetch -O -s dl -q >/dev/null
lake_digest dl/lake2/rr | cmp - single.digest &&
    echo "shards sharing -D = single run, the review too"
seed ls lake2 | grep -c 'session_review/calendarday=[0-9-]*/part-review-'
