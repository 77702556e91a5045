# Against a stand-in Glue: 250 partitions go in calls of at most 100, a
# throttled call is retried, an entry Glue refuses is rejected with its
# line, one that exists already is fine; a 5xx that outlasts the retries
# and a refused call end with exit 4.
run() {
	rm -f port
	python3 "$TOP/tests/lib/glue-stub.py" port "$@" >calls &
	stub=$!
	while [ ! -f port ]; do sleep 0.05; done
	AWS_ENDPOINT_URL_GLUE=http://127.0.0.1:$(cat port) \
	    ll-register -d lake -T t -n 2 -r rejects -S stats.json parts >out
	echo "rc=$?"
	kill $stub
	wait $stub 2>/dev/null
	cat calls
}
export AWS_ACCESS_KEY_ID=AKIDSTUB AWS_SECRET_ACCESS_KEY=stub-secret-value \
    AWS_REGION=eu-west-1
unset AWS_SESSION_TOKEN AWS_ENDPOINT_URL
python3 -c '
for d in range(250):
    print("{\"partition\":{\"calendarday\":\"d%03d\"},\"location\":\"s3://x/t/calendarday=d%03d/\"}" % (d, d))' >parts
run throttle throttle errors ok
wc -l <out
jq -r .status out | sort | uniq -c | sed 's/^ *//'
cat rejects
jq -c '{records_in,records_out,rejected,reasons,created,exists}' stats.json
head -n 3 parts >p3 && mv p3 parts
run 500
wc -l <out
run invalid
