# Faults on the way to S3: 503 SlowDown, 500, connection resets, a
# truncated upload and an answer lost after the write took place are
# retried with backoff; the lost one finds its object there (412, then
# a HEAD: present).  A file whose uploads keep failing leaves its
# partition unreported (exit 4) and its file in the stage; the next run
# converges to the lake of a run without faults: same objects, same rows.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/duckdb.sh"
moto_start
seed mb lake
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-200 \
    2026-03-02:1-200 2026-03-03:1-200 2026-03-04:1-200 >in
cat >plan <<'P'
uploads= 503 1
list-type 500 1
2026-03-01/.part- 503 2
2026-03-01/part- reset 1
2026-03-02/part- truncate 1
2026-03-03/part- lost 1
2026-03-04/part- reset always
P
proxy_start --verify test:test --log proxy.log --plan plan
export AWS_ENDPOINT_URL=$PROXY_URL
ll-partition -T cloudtrail -B 10 -o s3://lake/ll/ -D stage -S st in >recs
echo "rc=$?"
jq -r .partition.calendarday recs
jq -c '{files_uploaded, files_present, upload_failures}' st
awk '{ print $3 }' proxy.log | sort | uniq -c
(cd stage && find . -type f | sort | sed 's/[0-9a-f]\{20\}/HASH/')
echo "== again, no faults"
proxy_start --verify test:test --log proxy2.log
export AWS_ENDPOINT_URL=$PROXY_URL
ll-partition -T cloudtrail -o s3://lake/ll/ -D stage -S st in >recs
echo "rc=$?"
jq -r .partition.calendarday recs
jq -c '{files_resumed, files_uploaded, duplicate: .reasons.duplicate}' st
ll-partition -T cloudtrail -o s3://lake/ref/ -D stage-ref in >/dev/null
seed ls lake ll/ | sed 's:^ll/::' >a
seed ls lake ref/ | sed 's:^ref/::' >b
cmp a b && echo "same objects as a run without faults"
ll-fetch -l s3://lake/ll/ | ll-fetch -O -s dl -q >/dev/null
q "SELECT calendarday, count(*) FROM read_parquet('dl/lake/ll/cloudtrail/*/*.parquet',
    hive_partitioning = true) GROUP BY ALL ORDER BY ALL"
