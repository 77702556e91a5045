# A row over 10 MiB is written whole, its string column in a page of its
# own; the rows around it are unharmed.
. "$TOP/tests/lib/duckdb.sh"
python3 -c '
import json
print(json.dumps({"eventid": "small1", "calendarday": "2026-03-01", "useragent": "a"}))
print(json.dumps({"eventid": "big", "calendarday": "2026-03-01", "useragent": "y" * 11000000}))
print(json.dumps({"eventid": "small2", "calendarday": "2026-03-01"}))' >in
ll-partition -T cloudtrail -o out in | jq -c '{records}'
q "SELECT eventid, length(useragent), md5(useragent) = md5(repeat('y', 11000000))
    FROM read_parquet('out/cloudtrail/*/*.parquet') ORDER BY eventid"
