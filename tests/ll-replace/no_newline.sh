# A last record without a newline is still a record.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf 'x\n' | gzip -n >f.gz
printf '%s' '{"table":"t","partition":{"d":"1"},"file":"f.gz"}' |
    ll-replace -o s3://lake/ >out
echo "rc=$?"
jq -c '{partition, status}' out
