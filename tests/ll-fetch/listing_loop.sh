# A listing server that answers in a loop stops the listing with exit 4
# and a message saying why, instead of listing forever: a continuation
# token named twice (the same one again, or two in turn), the prefix
# asked for named as its own common prefix, or a common prefix above
# it.  The objects of the pages before are still listed.
run() {
	rm -f port
	python3 "$TOP/tests/lib/fakes3.py" port "$1" >requests &
	stub=$!
	while [ ! -f port ]; do sleep 0.05; done
	shift
	AWS_ENDPOINT_URL=http://127.0.0.1:$(cat port) timeout 20 \
	    ll-fetch -q -n 0 "$@" >list 2>err
	echo "rc=$?"
	kill $stub
	wait $stub 2>/dev/null
	sed "s/:$(cat port)/:PORT/" err >&2
	jq -r .key list
	wc -l <requests
}
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_ENDPOINT_URL_S3
echo "== the same token again"
run repeat-token --list s3://loop-bucket/x/
echo "== two tokens in turn"
run cycle-token --list s3://loop-bucket/x/
echo "== the prefix is its own common prefix"
run self-prefix --list --from 2026-03-01 --to 2026-03-01 s3://loop-bucket/AWSLogs/
echo "== a common prefix above the prefix"
run parent-prefix --list --from 2026-03-01 --to 2026-03-01 s3://loop-bucket/AWSLogs/111122223333/
