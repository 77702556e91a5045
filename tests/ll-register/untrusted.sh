# What Glue says in an error is shown escaped (terminal escapes, control
# characters, C1 characters), cut after 200 bytes with "...", and with
# every credential it repeats masked: the access key id, the secret and
# the session token never reach standard error.
run() {
	rm -f port
	python3 "$TOP/tests/lib/glue-stub.py" port "$@" >calls &
	stub=$!
	while [ ! -f port ]; do sleep 0.05; done
	AWS_ENDPOINT_URL_GLUE=http://127.0.0.1:$(cat port) \
	    ll-register -d lake -T t -n 0 parts >out 2>err
	echo "rc=$?"
	kill $stub
	wait $stub 2>/dev/null
	cat err >&2
	grep -c -e AKIAIOSFODNN7EXAMPLE -e wJalrXUtnFEMI -e FwoGZXIvYXdzEXAMPLE \
	    -e "$(printf '\033')" -e "$(printf '\007')" -e AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA err
}
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
    AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
    AWS_SESSION_TOKEN=FwoGZXIvYXdzEXAMPLETOKEN/abc+def= AWS_REGION=eu-west-1
unset AWS_ENDPOINT_URL
echo '{"partition":{"calendarday":"d1"},"location":"s3://x/t/calendarday=d1/"}' >parts
echo "== the call is refused"
run echo
echo "== one partition is refused"
run errors-echo
