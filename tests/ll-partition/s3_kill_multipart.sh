# A run killed in the middle of a multipart upload (here while part 2
# waits for an answer that never comes) leaves nothing visible: the
# parts sent are held by S3 as an incomplete upload, not an object.
# The stage's journal names that upload, so the next run aborts it
# (none is left behind) before it uploads the file again.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
python3 - >in <<'PY'
import random
random.seed(7)
for i in range(150000):
    print('{"eventid":"e-%d","calendarday":"2026-03-01","useragent":"%032x%032x"}'
          % (i, random.getrandbits(128), random.getrandbits(128)))
PY
echo 'partNumber=2 hang always' >plan
proxy_start --plan plan --stall 60 --log proxy.log
AWS_ENDPOINT_URL=$PROXY_URL ll-partition -T cloudtrail -f json -X 5M \
    -o s3://lake/ll/ -D stage in >/dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do
	grep -q 'partNumber=2.* hang$' proxy.log 2>/dev/null && break
	sleep 0.05
done
kill -9 $pid
wait $pid 2>/dev/null
echo "killed in part 2: $(grep -c 'partNumber=2.* hang$' proxy.log)"
seed ls lake | sed 's/[0-9a-f]\{20\}/HASH/'
echo "incomplete uploads: $(seed uploads lake | sed 's/[0-9a-f]\{20\}/HASH/')"
echo "== again"
ll-partition -T cloudtrail -f json -X 5M -o s3://lake/ll/ -D stage -S st in
echo "rc=$?"
jq -c '{stale_uploads_aborted, files_resumed, files_uploaded}' st
seed ls lake | sed 's/[0-9a-f]\{20\}/HASH/'
echo "incomplete uploads: $(seed uploads lake | wc -l)"
ls stage/.ll-uploads | wc -l
k=$(seed ls lake | sed -n 's/^\(.*json.gz\) .*/\1/p')
echo "s3://lake/$k" | jq -cR '{url: .}' >obj
ll-fetch -C obj | gunzip | wc -l
