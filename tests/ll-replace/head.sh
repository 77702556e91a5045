# Closing the pipe early ends the tool quietly.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf 'x\n' | gzip -n >f.gz
for d in 1 2 3; do
	printf '{"table":"t","partition":{"d":"%s"},"file":"f.gz"}\n' $d
done | ll-replace -o s3://lake/ | head -n1 | jq -c '{partition, status}'
