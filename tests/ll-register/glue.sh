# Registration against a local Glue (moto, checking signatures): the
# table is created from ll-partition's own TableInput, the fixture
# partition is added, a second run finds it there, GetPartitions reads
# it back with the table's storage settings; a wrong secret is refused.
. "$TOP/tests/lib/moto-glue.sh"
trap moto_glue_stop EXIT
moto_glue_start || exit 1
glue CreateDatabase '{"DatabaseInput":{"Name":"lake"}}'
glue CreateTable "{\"DatabaseName\":\"lake\",\"TableInput\":$(ll-partition \
    -T cloudtrail -L s3://lake/readready -d glue)}"
cd "$FIXTURES"
ll-splitjson -e Records -s source_object \
    bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/*.json.gz |
    ll-flatten -T cloudtrail |
    ll-partition -T cloudtrail -o "$OLDPWD/out" -L s3://lake/readready >"$OLDPWD/parts"
cd "$OLDPWD"
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-02:1-3 |
    ll-partition -T cloudtrail -o out -L s3://lake/readready >>parts
ll-register -d lake -T cloudtrail_readready -S stats.json parts
echo "rc=$?"
jq -c '{records_in,records_out,created,exists}' stats.json
ll-register -d lake -T cloudtrail_readready <parts
echo "rc=$?"
glue GetPartitions '{"DatabaseName":"lake","TableName":"cloudtrail_readready"}' |
    jq -c '.Partitions | sort_by(.Values) | .[] | [.Values,
    .StorageDescriptor.Location, .StorageDescriptor.SerdeInfo.SerializationLibrary,
    (.StorageDescriptor.Columns | length)]'
AWS_SECRET_ACCESS_KEY=not-the-secret ll-register -d lake \
    -T cloudtrail_readready parts
echo "rc=$?"
ll-register -d lake -T no_such_table parts
echo "rc=$?"
