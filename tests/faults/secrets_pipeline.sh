# Credentials never appear: a whole ll-pipeline run against S3 and Glue
# (a local moto, S3 behind the signature-checking proxy, with a
# session token) and ll-register run on its own write no secret key and no
# session token anywhere: not on stdout or stderr, not in any file of
# the run directory, state, raw store or lake.  tests/ll-fetch/secrets
# covers ll-fetch --verbose; this covers what the other tools write.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/lake.sh"
moto_start
sample src --days 1
seed tree cloudtrail src/cloudtrail >/dev/null
seed tree firehose src/firehose >/dev/null
glue CreateDatabase '{"DatabaseInput":{"Name":"lake"}}' >/dev/null
for t in cloudtrail cloudwatch; do
	glue CreateTable "{\"DatabaseName\":\"lake\",\"TableInput\":$(
	    ll-partition -T $t -n ${t}_readready \
	    -L s3://lake/readready/$t -d glue)}" >/dev/null
done
glue CreateTable '{"DatabaseName":"lake","TableInput":{
    "Name":"session_review_readready",
    "PartitionKeys":[{"Name":"calendarday","Type":"string"}],
    "StorageDescriptor":{"Columns":[{"Name":"sessionid","Type":"string"}],
    "Location":"s3://lake/readready/session_review/"}}}' >/dev/null
export AWS_ACCESS_KEY_ID=AKIDLLPIPETEST AWS_SECRET_ACCESS_KEY=Pipe/Sekr1t+Value
export AWS_SESSION_TOKEN=Pipe/T0ken+With=Chars
proxy_start --verify \
    "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY:$AWS_SESSION_TOKEN"
# S3 through the proxy, which checks the signature and the token; Glue
# straight to moto (the proxy speaks only S3), which takes any.
export AWS_ENDPOINT_URL="$PROXY_URL" AWS_ENDPOINT_URL_GLUE="$MOTO_URL"
pipeline -D out -d lake -L s3://lake/readready s3://cloudtrail/AWSLogs/ \
    s3://firehose/ >pipeline.out 2>pipeline.err
echo "rc=$?"
jq -c '{new: .objects.new, failed: .objects.failed, ok}' \
    out/state/last-run/reconciliation.json
ls out/state/last-run | grep -c '^register'
# ll-register on its own.
ll-register -d lake -T cloudtrail_readready -S reg.stats \
    out/state/last-run/parts.cloudtrail >reg.out 2>reg.err
echo "register rc=$?"
# A wrong secret: S3 refuses, and the messages name no secret either.
AWS_SECRET_ACCESS_KEY=Wrong/Secret pipeline -D out2 -d lake \
    s3://cloudtrail/AWSLogs/ >pipeline2.out 2>pipeline2.err
echo "refused rc=$?"
grep -c . pipeline2.err
find . -type f ! -name 'moto*' ! -name 'proxy*' | wc -l
# The search finds a secret where there is one: control.env.
env | grep -e '^AWS_SECRET' -e '^AWS_SESSION' >control.env
find . -type f ! -name 'moto*' ! -name 'proxy*' ! -path ./src/expected.json \
    -exec grep -l -F -a -e Sekr1t -e T0ken -e Wrong/Secret {} +
