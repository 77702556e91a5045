# The same job against S3 (a local moto_server): the lake equals the one
# built from local copies of the same buckets.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/lake.sh"
moto_start
sample src
seed tree cloudtrail src/cloudtrail >/dev/null
seed tree firehose src/firehose >/dev/null
export AWS_ENDPOINT_URL="$MOTO_URL" AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
pipeline -D s3 s3://cloudtrail/AWSLogs/ s3://firehose/
echo "rc=$?"
jq -c '{listed: .objects.listed, new: .objects.new, failed: .objects.failed,
    ok}' s3/state/last-run/reconciliation.json
pipeline -D local src/cloudtrail src/firehose
lake_digest s3/lake >s3.digest
lake_digest local/lake | cmp - s3.digest && echo "same lake"
wc -l <s3.digest
