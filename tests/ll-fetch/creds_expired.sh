# A request refused because its credentials expired (400 ExpiredToken)
# is made again at once with a fresh set, once.  The fake instance
# metadata announces an Expiration 100 s later than the real one (a
# wrong clock), so no refresh comes early: sets live 2 s, requests
# fail as each one ends, and each is retried with a new set; the
# listing is complete.  When the new set is dead too (sets born
# expired) the request fails after one renewal, not in a loop.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start
for d in 01 02 03 04 05 06; do
	printf '{"key":"AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/%s/x.json.gz","data":"x"}\n' \
	    $d
done | seed put exp-bucket
fakecreds_start --mode imds --ttl 2 --lie 100 --delay 0.4 \
    --upstream "$MOTO_URL"
creds_clean
export AWS_ENDPOINT_URL="$S3_URL" AWS_EC2_METADATA_DISABLED=false \
    AWS_EC2_METADATA_SERVICE_ENDPOINT="$CREDS_URL"
ll-fetch -v -j 1 --retries 0 --list -f 2026-03-01 -t 2026-03-06 \
    s3://exp-bucket/AWSLogs/ >list 2>err1
echo "list rc=$? objects=$(wc -l <list)"
expired=$(grep -c ExpiredToken creds.log)
echo "refused as expired: $expired" | sed 's/: [1-9][0-9]*$/: some/'
again=$(grep -c 'ExpiredToken: The provided token has expired.; again with fresh credentials$' err1)
echo "retried with fresh credentials: $((again == expired))"
issued=$(grep -c '^issue' creds.log)
echo "sets: one more than the refusals: $((issued == expired + 1))"
echo "== sets born expired"
fakecreds_start --mode imds --ttl 0 --lie 100 --upstream "$MOTO_URL"
: >creds.log
AWS_ENDPOINT_URL="$S3_URL" AWS_EC2_METADATA_SERVICE_ENDPOINT="$CREDS_URL" \
    ll-fetch --retries 3 --list s3://exp-bucket/ >list2 2>err2
echo "rc=$? objects=$(wc -l <list2)"
cat err2
# Counts, not the log's order: the fake server logs its two roles
# from two threads, so a refusal and the next token request may be
# written either way round.
for what in 'imds PUT token 200' 'imds GET credentials' '^issue' \
    's3 GET 400 ExpiredToken'; do
	echo "$what: $(grep -c "$what" creds.log)"
done
leaks list err1 list2 err2
