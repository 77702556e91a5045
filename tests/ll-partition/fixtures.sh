# The fixture trail into a table: one partition, the duplicate delivery
# left out, calendarday moved from the rows into the directory name, a
# hidden key file beside each data file, one record on standard output.
cd "$FIXTURES"
ll-splitjson -e Records -s source_object \
    bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/*.json.gz |
    ll-flatten -t cloudtrail |
    ll-partition -t cloudtrail -o "$OLDPWD/out" -L s3://lake/readready \
    -S "$OLDPWD/stats.json" | sed "s|$OLDPWD|OUT|g"
echo "rc=$?"
cd "$OLDPWD"
find out -type f | sort
zcat out/cloudtrail/calendarday=2026-03-01/part-*.json.gz |
    jq -c '[.eventid, .sessionid, has("calendarday"), (keys | length)]'
jq -c '{records_in,records_out,rejected,reasons,files_written,rows_written}' \
    stats.json
