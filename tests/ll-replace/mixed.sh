# Records that are not partitions to replace are reported with their
# line and rejected, the good ones still done: exit 1.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf 'x\n' | gzip -n >f.gz
printf '%s\n' \
    '{"table":"t","partition":{"d":"1"},"file":"f.gz"}' \
    'not json' \
    '[1]' \
    '{"partition":{"d":"2"},"file":"f.gz"}' \
    '{"table":"a/b","partition":{"d":"3"},"file":"f.gz"}' \
    '{"table":"t","partition":{},"file":"f.gz"}' \
    '{"table":"t","partition":{"d":4},"file":"f.gz"}' \
    '{"table":"t","partition":{"d":""},"file":"f.gz"}' \
    '{"table":"t","partition":{"d":"5"},"file":7}' \
    '{"table":"t","partition":{"d":"6"}}' >in
ll-replace -o s3://lake/ -r rejects -S st in
echo "rc=$?"
cat rejects
jq -c '{records_in,records_out,rejected,reasons}' st
seed ls lake
