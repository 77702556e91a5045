# A single record with a 48 MB value (a CloudTrail event's request
# parameters) is written with the memory of about three copies of it
# (it took seven): the sort arena, the page and the compressed page;
# its min and max are not kept, and the page is not compressed twice
# to choose an encoding.  It comes back whole.
python3 -c '
import json
v = {"blob": "".join("%07d," % i for i in range(6000000))}
print(json.dumps({"eventid": "big", "calendarday": "2026-03-01",
    "eventtime": "2026-03-01T10:00:00Z", "requestparameters": v}))
print(json.dumps({"eventid": "small", "calendarday": "2026-03-01",
    "eventtime": "2026-03-01T10:00:01Z", "requestparameters": {"a": 1}}))' >in
wc -c <in
# Under AddressSanitizer, freed blocks wait in a quarantine: none here.
ASAN_OPTIONS="$ASAN_OPTIONS:quarantine_size_mb=0" \
    /usr/bin/time -f %M -o rss ll-partition -T cloudtrail -o out in >parts
echo "rc=$?"
jq -c '{records}' parts
# Peak RSS in MB: under 4 times the record (48 MB), 192 MB.
tail -n1 rss | awk '{ print ($1 < 192 * 1024 ? "under 192 MB" : $1 " KB") }'
ll-filter out/cloudtrail/*/*.parquet |
    jq -r '[.eventid, (.requestparameters | length)] | @tsv'
