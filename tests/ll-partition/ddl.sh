# CREATE statements over the table's location, in every dialect, for
# Parquet (the default) and for gzip JSON lines.
for d in athena trino spark duckdb glue; do
	echo "-- $d"
	ll-partition -T cloudtrail -L s3://lake/readready/ --ddl $d
done
for d in athena trino spark duckdb; do
	echo "-- $d, json"
	ll-partition -T cloudwatch -L s3://lake/readready -f json -d $d
done
echo "-- glue, json"
ll-partition -T cloudwatch -L s3://lake/readready --format json -d glue |
    jq -c '{Parameters, SerdeInfo: .StorageDescriptor.SerdeInfo,
    InputFormat: .StorageDescriptor.InputFormat}'
echo "-- named, two partition keys"
ll-partition -T cloudwatch -o out -n 'lake.sessions' \
    -p calendarday,owner -d trino
ll-partition -T cloudwatch -o "it's" -d duckdb | head -2
