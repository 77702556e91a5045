# Temporary credentials that expire during a long run are refreshed
# before they do.  The fake instance metadata hands out sets that live
# 3 s; the checking S3 proxy holds each request 0.5 s and answers 400
# ExpiredToken to a set past its time.  A windowed listing (19
# requests, one at a time, about 10 s) and a --get of 12 objects, two
# at a time, each span several sets, and every request is signed with
# a live one: exact counts, no ExpiredToken, more than one set used.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start
for d in 01 02 03 04 05 06; do
	for r in us-east-1 eu-west-1; do
		printf '{"key":"AWSLogs/111122223333/CloudTrail/%s/2026/03/%s/%s.json.gz","data":"x"}\n' \
		    $r $d $r
	done
done | seed put long-bucket
fakecreds_start --mode imds --ttl 3 --delay 0.5 --upstream "$MOTO_URL"
creds_clean
export AWS_ENDPOINT_URL="$S3_URL" AWS_EC2_METADATA_DISABLED=false \
    AWS_EC2_METADATA_SERVICE_ENDPOINT="$CREDS_URL"
many='s/: \([2-9]\|[1-9][0-9]*\)$/: more than one/'
ll-fetch -v -j 1 --list -f 2026-03-01 -t 2026-03-06 --stats lst \
    s3://long-bucket/AWSLogs/ >list 2>err1
echo "list rc=$? objects=$(wc -l <list) $(jq -c '{list_requests}' lst)"
grep -c '^s3 GET 200 set' creds.log
echo "sets used by the listing: $(grep -c '^issue' creds.log)" | sed "$many"
grep -c ExpiredToken creds.log
grep -c 'credentials: refreshed from' err1 | sed 's/^[1-9][0-9]*$/refreshed/'
: >creds.log
ll-fetch -v -j 2 --get --store raw --stats gst --retries 0 <list >man \
    2>err2
echo "get rc=$? $(jq -c '{stored, failed: (.failed // 0)}' gst)"
find raw/long-bucket -type f | wc -l
echo "sets used by the get: $(grep -c '^issue' creds.log)" | sed "$many"
grep -c ExpiredToken creds.log
grep -c -v -e ': ok$' -e 'credentials: ' err2
leaks list man err1 err2
