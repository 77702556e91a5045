# The lake on S3 (-o s3://lake/rr/, a moto_server behind
# tests/lib/faultproxy.py, which checks every signature and body as S3
# does; moto's own checking refuses some encoded prefixes): raw objects
# from S3, the readready tables built in DIR/state/stage and
# published write-once, the session review of every day with sessions
# published as one content-named object a day (ll-replace), all their
# partitions registered in moto's Glue at their S3 locations.  DuckDB
# reads the published objects back (through ll-fetch) with the rows of
# a local run, and each day's review is, unzipped, the very file a
# local run writes; a second run changes nothing on S3.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/lake.sh"
moto_start
proxy_start --verify test:test --log proxy.log
export AWS_ENDPOINT_URL=$PROXY_URL AWS_ENDPOINT_URL_GLUE=$MOTO_URL
sample src
seed tree cloudtrail src/cloudtrail >/dev/null
seed tree firehose src/firehose >/dev/null
seed mb lake
glue CreateDatabase '{"DatabaseInput":{"Name":"lake"}}' >/dev/null
for t in cloudtrail cloudwatch session_review; do
	glue CreateTable "{\"DatabaseName\":\"lake\",\"TableInput\":$(ll-partition \
	    -T $t -o s3://lake/rr/ -d glue)}" >/dev/null
done
pipeline -D s3 -o s3://lake/rr/ -d lake s3://cloudtrail/AWSLogs/ s3://firehose/
echo "rc=$?"
jq -c '{new: .objects.new, failed: .objects.failed, ok}' \
    s3/state/last-run/reconciliation.json
seed ls lake | sed -n 's:^rr/\([a-z_]*\)/.*/\(\.*\)part-[^.]*\.\([a-z.]*\) .*:\1 \2\3:p' |
    sort | uniq -c
echo "left in the stage: $(find s3/state/stage -name 'part-*' | wc -l)"
for t in cloudtrail cloudwatch session_review; do
	glue GetPartitions "{\"DatabaseName\":\"lake\",\"TableName\":\"${t}_readready\"}" |
	    jq -r '.Partitions[] | [.Values[0], .StorageDescriptor.Location] | @tsv' |
	    sort
done
seed ls lake >before
echo "== again"
pipeline -D s3 -o s3://lake/rr/ -d lake s3://cloudtrail/AWSLogs/ s3://firehose/
echo "rc=$?"
seed ls lake | cmp - before && echo "lake unchanged"
echo "== read back"
ll-fetch -l s3://lake/rr/ | ll-fetch -O -s dl -q >/dev/null
echo "rc=$?"
lake_digest dl/lake/rr >s3.digest
cut -d' ' -f1,2 s3.digest
pipeline -D local src/cloudtrail src/firehose
lake_digest local/lake | cmp - s3.digest && echo "same rows as a local run"
for d in local/lake/session_review/calendarday=*; do
	gunzip -c "$d/part-review.json.gz" >local.review
	ll-ungz dl/lake/rr/session_review/"${d##*/}"/part-review-*.json.gz |
	    cmp - local.review && echo "${d##*/}: the review a local run writes"
done
echo "refused by the proxy: $(grep -c ' 40[03] ' proxy.log)"
