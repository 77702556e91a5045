# A file that cannot be read leaves its partition as it was (exit 3),
# and the other records are still done.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf 'x\n' | gzip -n >f.gz
printf '%s\n' '{"table":"t","partition":{"d":"1"},"file":"f.gz"}' |
    ll-replace -o s3://lake/ >/dev/null
printf '%s\n' '{"table":"t","partition":{"d":"1"},"file":"gone.gz"}' \
    '{"table":"t","partition":{"d":"2"},"file":"f.gz"}' |
    ll-replace -o s3://lake/ >out
echo "rc=$?"
jq -c '{partition, status}' out
seed ls lake
