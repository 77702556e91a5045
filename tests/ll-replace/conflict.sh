# Other bytes under the file's content name (not ours to overwrite) are
# a conflict: left alone, the old object not deleted, exit 4.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
printf '{"a":1}\n' | gzip -n >one.gz
printf '{"a":2}\n' | gzip -n >two.gz
printf '{"table":"t","partition":{"d":"1"},"file":"one.gz"}\n' |
    ll-replace -o s3://lake/ >/dev/null
new=t/d=1/part-$(sha256sum two.gz | cut -c1-16).json.gz
echo "{\"key\":\"$new\",\"data\":\"not it\"}" | seed put lake
printf '{"table":"t","partition":{"d":"1"},"file":"two.gz"}\n' |
    ll-replace -o s3://lake/ >out 2>err
echo "rc=$?"
cat out
sed "s:$new:NEW:" err
seed ls lake | sed "s:$new:NEW:; s/[0-9a-f]\{16\}/HASH/"
