# A record of more than 10 MiB (a long member the tool does not use) is
# read whole and done.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf 'x\n' | gzip -n >f.gz
python3 -c '
print("{\"table\":\"t\",\"partition\":{\"d\":\"1\"},\"file\":\"f.gz\",\"pad\":\"%s\"}" % ("x" * (11 << 20)))' |
    ll-replace -o s3://lake/ | jq -c '{partition, status}'
seed ls lake | sed 's/[0-9a-f]\{16\}/HASH/'
