# Files over --multipart go in parts (5M, S3's least).  A part that
# keeps failing aborts the upload: nothing is visible, no incomplete
# upload is left, the partition is not reported and its file stays in
# the stage (exit 4); the next run uploads it and reports the partition.
# The object's ETag is the multipart one, its SHA-256 that of the bytes.
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
echo 'partNumber=2 503 always' >plan
proxy_start --verify test:test --log proxy.log --plan plan
export AWS_ENDPOINT_URL=$PROXY_URL
ll-partition -T cloudtrail -f json -X 5M -B 10 -o s3://lake/ll/ -D stage in
echo "rc=$?"
seed ls lake
echo "incomplete uploads: $(seed uploads lake | wc -l)"
(cd stage && find . -type f | sort)
sed 's/uploadId=[^& ]*/ID/' proxy.log | awk '{ print $1, $2, $3 }' | sort |
    uniq -c
echo "== again, no faults"
proxy_start --verify test:test --log proxy2.log
export AWS_ENDPOINT_URL=$PROXY_URL
ll-partition -T cloudtrail -f json -X 5M -o s3://lake/ll/ -D stage -S st in
echo "rc=$?"
jq -c '{files_resumed, files_uploaded, files_present, duplicate: .reasons.duplicate}' st
seed ls lake
echo "incomplete uploads: $(seed uploads lake | wc -l)"
(cd stage && find . -type f | sort)
k=$(seed ls lake | sed -n 's/^\(.*json.gz\) .*/\1/p')
seed head lake "$k" | sed 's/^[0-9a-f]\{32\}/MD5/'
echo "s3://lake/$k" | jq -cR '{url: .}' >obj
ll-fetch -C obj | sha256sum
ll-fetch -C obj | gunzip | wc -l
