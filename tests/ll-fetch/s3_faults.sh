# Retries: 503 SlowDown, 500, connection resets, truncated bodies and
# a stalled body are retried with backoff until the object is whole;
# nothing partial ever lands in the store.
. "$TOP/tests/lib/moto.sh"
moto_start
for o in a b c d e f; do
	printf '{"key":"faults/obj-%s","data":"%s"}\n' $o \
	    "$(seq 1 2000 | sed "s/^/$o /" | tr '\n' ' ')"
done | seed put fault-bucket
cat >plan <<'P'
list-type 503 1
obj-a 503 2
obj-b reset 1
obj-c truncate 1
obj-d 500 1
obj-e stall 1
obj-f truncate 2
P
proxy_start --log proxy.log --plan plan --stall 30
export AWS_ENDPOINT_URL="$PROXY_URL"
ll-fetch --list --backoff 10 s3://fault-bucket/ >list
echo "rc=$?"
ll-fetch --get --store raw --backoff 10 --timeout 1 --stats st <list >man
echo "rc=$?"
jq -r '[.path, .status] | @tsv' man | sort
jq -c '{stored, failed, rejected}' st
sort proxy.log | uniq -c
ls -A raw/.ll-fetch.tmp | wc -l
AWS_ENDPOINT_URL=$MOTO_URL ll-fetch --cat list >want
cat raw/fault-bucket/faults/* | cmp - want && echo "store holds whole objects"
