# Output that cannot be written is an I/O error: exit 3.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf 'x\n' | gzip -n >f.gz
printf '%s\n' '{"table":"t","partition":{"d":"1"},"file":"f.gz"}' |
    ll-replace -o s3://lake/ >/dev/full
echo "rc=$?"
