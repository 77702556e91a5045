# The fixture trail into a table: one partition, the duplicate delivery
# left out, calendarday moved from the rows into the directory name, a
# hidden key file beside each data file, one record on standard output.
. "$TOP/tests/lib/duckdb.sh"
cd "$FIXTURES"
ll-splitjson -e Records -s source_object \
    bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/*.json.gz |
    ll-flatten -T cloudtrail |
    ll-partition -T cloudtrail -o "$OLDPWD/out" -L s3://lake/readready \
    -S "$OLDPWD/stats.json" | sed "s|$OLDPWD|OUT|g"
echo "rc=$?"
cd "$OLDPWD"
find out -type f | sort
q "SELECT eventid, sessionid, eventname, readonly, eventtime
    FROM read_parquet('out/cloudtrail/*/*.parquet', hive_partitioning = false)
    ORDER BY eventtime" \
    "SELECT count(*) FROM (DESCRIBE SELECT * FROM
    read_parquet('out/cloudtrail/*/*.parquet', hive_partitioning = false))
    WHERE column_name = 'calendarday'" \
    "SELECT count(*) FROM (DESCRIBE SELECT * FROM
    read_parquet('out/cloudtrail/*/*.parquet', hive_partitioning = false))"
jq -c '{records_in,records_out,rejected,reasons,files_written,rows_written}' \
    stats.json
