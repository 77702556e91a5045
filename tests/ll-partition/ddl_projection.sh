# -d athena -Y DAY: a table whose calendarday partitions Athena
# computes itself (partition projection, from DAY to NOW, one a day),
# at the S3 location of -o, so that nothing need be registered.
ll-partition -T cloudtrail -o s3://lake/ll/ -n lake.ct -d athena \
    -Y 2026-03-01 | tail -n 12
echo "== other locations, json"
ll-partition -T cloudwatch -f json -L s3://lake/ro -d athena -Y 2025-12-31 |
    grep -e projection.calendarday.range -e storage.location -e '^LOCATION'
echo "== refused"
ll-partition -T cloudtrail -o s3://lake/ll/ -d trino -Y 2026-03-01
echo "rc=$?"
ll-partition -T cloudtrail -o s3://lake/ll/ -d athena -Y 2026-3-1
echo "rc=$?"
ll-partition -T cloudtrail -o s3://lake/ll/ -d athena -p eventsource \
    -Y 2026-03-01
echo "rc=$?"
ll-partition -T cloudtrail -o lake -Y 2026-03-01 </dev/null
echo "rc=$?"
