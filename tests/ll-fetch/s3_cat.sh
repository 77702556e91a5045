# --cat streams S3 objects in listing order for ll-ungz, retrying
# damaged transfers so that only whole objects reach the pipe.
. "$TOP/tests/lib/moto.sh"
moto_start
seed tree cat-bucket "$FIXTURES/bucket"
printf 'CloudTrail_us-east-1_20260301T1005Z truncate 1\nlog-lake reset 1\n' >plan
proxy_start --plan plan --log proxy.log
AWS_ENDPOINT_URL=$PROXY_URL ll-fetch --list s3://cat-bucket/AWSLogs/ s3://cat-bucket/2026/ >list
echo "rc=$?"
jq -c 'select(.kind == "cloudtrail")' list |
    AWS_ENDPOINT_URL=$PROXY_URL ll-fetch --cat --backoff 10 |
    ll-ungz | ll-splitjson --explode Records | jq -r .eventName | sort | uniq -c
jq -r .key list | (cd "$FIXTURES/bucket" && xargs cat) >want
AWS_ENDPOINT_URL=$PROXY_URL ll-fetch --cat --backoff 10 list | cmp - want &&
    echo "bytes in listing order"
grep -c -e truncate -e reset proxy.log
