# Objects that still fail after the retries are listed in --failures
# (their listing records), the others stored; exit 1 is a partial
# failure, 4 a total one.  Feeding the failures back converges.
. "$TOP/tests/lib/moto.sh"
moto_start
for o in ok1 ok2 bad1 bad2; do
	printf '{"key":"f/%s","data":"%s"}\n' $o $o
done | seed put fail-bucket
printf 'f/bad1 503 always\nf/bad2 403 always\n' >plan
proxy_start --log proxy.log --plan plan
ll-fetch --list s3://fail-bucket/ >list
AWS_ENDPOINT_URL=$PROXY_URL ll-fetch --get --store raw --retries 2 \
    --backoff 10 --failures failed <list >man 2>err
echo "rc=$?"
sort err >&2
jq -r '[.path, .status, .error] | @tsv' man | sort
jq -r .key failed | sort
grep -c 'f/bad1 503' proxy.log
grep -c 'f/bad2 403' proxy.log
find raw -type f | sort
echo "== the failures fed back"
ll-fetch --get --store raw --failures failed2 failed >man
echo "rc=$?"
jq -r '[.path, .status] | @tsv' man | sort
wc -c <failed2
echo "== everything fails"
printf '* 503 always\n' >plan2
proxy_start --plan plan2
AWS_ENDPOINT_URL=$PROXY_URL ll-fetch --get --store raw3 --retries 1 \
    --backoff 10 <list >man 2>err
echo "rc=$?"
sort err >&2
AWS_ENDPOINT_URL=$PROXY_URL ll-fetch --list --retries 1 --backoff 10 \
    s3://fail-bucket/
echo "rc=$?"
