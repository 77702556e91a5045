# The session review on an S3 lake, rebuilt whole for the days a run
# touches: a run whose review uploads keep failing (connection resets)
# is not ok and names the stage, and leaves no review object; the next
# run converges, one object a day.  Then a day's late transcripts
# arrive: that day's object and the day before's (sessions run past
# midnight) are replaced by ones with the new content (the old ones
# deleted, exactly one left a day, the partitions still registered at
# their S3 locations), and an object that is not a review is left alone
# and named.  A run with nothing new changes nothing.  At the end every
# day's review is, unzipped, the file a local run over everything
# writes.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/lake.sh"
moto_start
reviews() {	# the session review's objects and sizes
	seed ls lake rr/session_review/ | sed 's:^rr/session_review/::'
}
sample src
cp -r src all
mkdir held
mv src/firehose/2026/03/02 held/fh
seed tree cloudtrail src/cloudtrail >/dev/null
seed tree firehose src/firehose >/dev/null
seed mb lake
glue CreateDatabase '{"DatabaseInput":{"Name":"lake"}}' >/dev/null
for t in cloudtrail cloudwatch session_review; do
	glue CreateTable "{\"DatabaseName\":\"lake\",\"TableInput\":$(ll-partition \
	    -T $t -o s3://lake/rr/ -d glue)}" >/dev/null
done
run() {
	pipeline -D s3 -o s3://lake/rr/ -d lake s3://cloudtrail/AWSLogs/ \
	    s3://firehose/ >/dev/null 2>&1
	echo "rc=$?"
	jq -c '{failed_stages, ok, days: .tables.session_review.days}' \
	    s3/state/last-run/reconciliation.json
}
echo "== review uploads reset"
printf 'part-review- reset always\n' >plan
proxy_start --verify test:test --log proxy.log --plan plan
export AWS_ENDPOINT_URL=$PROXY_URL AWS_ENDPOINT_URL_GLUE=$MOTO_URL
run
grep -c 'reset$' proxy.log | sed 's/^/resets: /'
echo "review objects: $(reviews | wc -l)"
echo "== again, no faults"
proxy_start --verify test:test --log proxy2.log
export AWS_ENDPOINT_URL=$PROXY_URL
run
reviews | sed 's/[0-9a-f]\{16\}/HASH/'
reviews >first
echo "== late transcripts"
mv held/fh src/firehose/2026/03/02
seed tree firehose src/firehose >/dev/null
printf 'x\n' >notes
echo '{"key":"rr/session_review/calendarday=2026-03-02/notes.txt","file":"notes"}' |
    seed put lake
run
reviews | sed 's/[0-9a-f]\{16\}/HASH/'
reviews >second
for d in 2026-03-01 2026-03-02; do
	if [ "$(grep "=$d/part-review" first)" = "$(grep "=$d/part-review" second)" ]
	then echo "$d: the same object"
	else echo "$d: replaced"
	fi
done
grep -o 'notes.txt: not one of ours; left alone' s3/state/last-run/messages
glue GetPartitions '{"DatabaseName":"lake","TableName":"session_review_readready"}' |
    jq -r '.Partitions[] | [.Values[0], .StorageDescriptor.Location] | @tsv' |
    sort
echo "== again, nothing new"
run
reviews | cmp - second && echo "reviews unchanged"
pipeline -D local all/cloudtrail all/firehose
echo "local rc=$?"
ll-fetch -l s3://lake/rr/session_review/ | ll-fetch -O -s dl -q >/dev/null
for d in local/lake/session_review/calendarday=*; do
	gunzip -c "$d/part-review.json.gz" >local.review
	ll-ungz dl/lake/rr/session_review/"${d##*/}"/part-review-*.json.gz |
	    cmp - local.review && echo "${d##*/}: the review a local run writes"
done
echo "refused by the proxy: $(cat proxy.log proxy2.log | grep -c ' 40[03] ')"
