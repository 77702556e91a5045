# An upload that keeps failing (resets, after retries) deletes nothing:
# the old object stays, the partition is not written out, exit 4.  A
# deletion that keeps failing (503) leaves both objects and the
# partition not written out, exit 4.  The next run converges: one
# object, the new one.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf '{"a":1}\n' | gzip -n >one.gz
printf '{"a":2}\n' | gzip -n >two.gz
rec() {
	printf '{"table":"t","partition":{"d":"1"},"file":"%s"}\n' "$1"
}
rec one.gz | ll-replace -o s3://lake/ >/dev/null
old=$(seed ls lake | cut -d' ' -f1)
rec two.gz >in
new=t/d=1/part-$(sha256sum two.gz | cut -c1-16).json.gz
# The plan matches the request target, where "=" is %3D: the names.
echo "== the upload reset"
printf '%s reset always\n' "${new##*/}" >plan
proxy_start --verify test:test --log proxy.log --plan plan
export AWS_ENDPOINT_URL=$PROXY_URL
ll-replace -B 1 -o s3://lake/ in
echo "rc=$?"
seed ls lake | sed "s:$old:OLD:"
echo "== the deletion refused"
printf '%s 503 always\n' "${old##*/}" >plan
proxy_start --verify test:test --log proxy2.log --plan plan
export AWS_ENDPOINT_URL=$PROXY_URL
ll-replace -B 1 -o s3://lake/ in
echo "rc=$?"
seed ls lake | sed "s:$old:OLD:; s:$new:NEW:"
awk '{ print $1, $3 }' proxy2.log | sort | uniq -c
echo "== again, no faults"
proxy_start --verify test:test --log proxy3.log
export AWS_ENDPOINT_URL=$PROXY_URL
ll-replace -o s3://lake/ in | jq -c '{status, deleted}'
echo "rc=$?"
seed ls lake | sed "s:$new:NEW:"
