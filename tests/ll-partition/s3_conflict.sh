# Nothing on S3 is overwritten (If-None-Match: *).  Where an object
# with a file's name is there already, a HEAD compares it: the same
# bytes (here an identical copy put there by another tool, known by its
# MD5 ETag) count as present; other bytes are a conflict, reported and
# left alone, and the partition is not reported (exit 4).
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
proxy_start --verify test:test --log proxy.log
export AWS_ENDPOINT_URL=$PROXY_URL
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-50 \
    2026-03-02:1-60 >in
ll-partition -T cloudtrail -o s3://lake/a/ -D stage-a in >/dev/null
seed ls lake a/ | awk '/parquet/ { print $1 }' >names
d1=$(sed -n 1p names) d2=$(sed -n 2p names)
ll-fetch -C <<J >same.parquet
{"url":"s3://lake/$d2"}
J
echo "not the rows" >other
printf '{"key":"%s","file":"other"}\n{"key":"%s","file":"same.parquet"}\n' \
    "b/${d1#a/}" "b/${d2#a/}" | seed put lake
ll-partition -T cloudtrail -o s3://lake/b/ -D stage-b -S st in
echo "rc=$?"
jq -c '{files_uploaded, files_present, upload_conflicts}' st
seed ls lake b/
seed head lake "b/${d1#a/}"
(cd stage-b && find . -type f | sort | sed 's/[0-9a-f]\{20\}/HASH/')
echo "== again"
ll-partition -T cloudtrail -o s3://lake/b/ -D stage-b in
echo "rc=$?"
seed head lake "b/${d1#a/}"
