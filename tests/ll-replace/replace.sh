# A partition's file goes up under a content-named key, and only then
# are its other objects of the pattern deleted: the first run stores,
# the same file again is "present" (PUT refused with 412, the HEAD finds
# the same SHA-256: nothing uploaded, nothing deleted), a new file
# replaces the old object, and a record without a file empties the
# partition.  Keys that do not fit the pattern exactly (upper-case or
# short hash, another name, a folder below) are left alone and named.
# Partition values are escaped as Hive does; -L sets the location.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
proxy_start --verify test:test --log proxy.log
export AWS_ENDPOINT_URL=$PROXY_URL
printf '{"a":1}\n' | gzip -n >one.gz
printf '{"a":2}\n' | gzip -n >two.gz
rec() {	# day file
	printf '{"table":"review","partition":{"calendarday":"%s"},"file":%s}\n' \
	    "$1" "$2"
}
go() {
	ll-replace -n 'part-review-*.json.gz' -o s3://lake/rr -S st "$@"
	echo "rc=$?"
	jq -c '{objects_uploaded, objects_present, objects_deleted,
	    objects_left_alone}' st
	seed ls lake | sed 's/^/  /'
}
echo "== store"
rec 2026-03-01 '"one.gz"' | go
echo "== the same file"
rec 2026-03-01 '"one.gz"' | go
grep -c ' 412$' proxy.log | sed 's/^/refused PUTs: /'
echo "== a new file, beside objects that are not ours"
for k in part-review-0123456789ABCDEF.json.gz part-review-0123.json.gz \
    part-0123456789abcdef.json.gz sub/part-review-0123456789abcdef.json.gz; do
	echo "{\"key\":\"rr/review/calendarday=2026-03-01/$k\",\"data\":\"x\"}"
done | seed put lake
rec 2026-03-01 '"two.gz"' | go 2>&1
echo "== emptied"
rec 2026-03-01 null | go
echo "== escaped values, another location"
printf '{"table":"t","partition":{"region":"eu west/1","d":"x"},"file":"one.gz"}\n' |
    ll-replace -o s3://lake/rr/ -L s3://elsewhere/x
echo "rc=$?"
seed ls lake rr/t/
echo "refused by the proxy: $(grep -c ' 40[03] ' proxy.log)"
