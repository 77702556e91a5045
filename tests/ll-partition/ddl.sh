# CREATE statements over the table's location, in four dialects.
for d in athena trino spark duckdb; do
	echo "-- $d"
	ll-partition -t cloudtrail -L s3://lake/readready/ --ddl $d
done
echo "-- named, two partition keys"
ll-partition -t cloudwatch -o out -n 'lake.sessions' \
    -p calendarday,owner -d trino
ll-partition -t cloudwatch -o "it's" -d duckdb | head -2
