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
# A column whose first page is one 9 MB value, PLAIN without a trial,
# then random ids, DELTA_LENGTH_BYTE_ARRAY: one chunk of two encodings,
# read whole by DuckDB and by our reader.
. "$TOP/tests/lib/duckdb.sh"
python3 -c '
import json, random
r = random.Random(1)
row = {"calendarday": "2026-03-01", "eventtime": "2026-03-01T00:00:00Z"}
print(json.dumps(dict(row, eventid="e0", requestid="x" * 9000000)))
for i in range(1, 30000):
    print(json.dumps(dict(row, eventid="e%d" % i,
        requestid="%032x" % r.getrandbits(128))))' >mixed
ll-partition -T cloudtrail -o mixed.out mixed >/dev/null
q "SELECT encodings FROM parquet_metadata('mixed.out/cloudtrail/*/*.parquet')
    WHERE path_in_schema = 'requestid'" \
    "SELECT count(*), count(DISTINCT requestid), max(length(requestid))
    FROM read_parquet('mixed.out/cloudtrail/*/*.parquet')"
ll-filter mixed.out/cloudtrail/*/*.parquet | jq -r '.requestid | length' |
    sort | uniq -c
# A 40 MB value in a sort column (eventname) is not copied into its
# row's sort key as well: it takes no more memory than the same value
# in a column that is not sorted on (requestid); the key copy cost
# 39 MB more.  -b 64M keeps both rows in one row group, so the big
# value is compared in the arena and sorts after "M".
for c in eventname requestid; do
	python3 -c '
import json, sys
print(json.dumps({"eventid": "big", "calendarday": "2026-03-01",
    "eventtime": "2026-03-01T10:00:00Z", sys.argv[1]: "N" * 40000000}))
print(json.dumps({"eventid": "small", "calendarday": "2026-03-01",
    "eventtime": "2026-03-01T10:00:01Z", sys.argv[1]: "M"}))' $c >$c.in
	ASAN_OPTIONS="$ASAN_OPTIONS:quarantine_size_mb=0" \
	    /usr/bin/time -f %M -o $c.rss ll-partition -b 64M -T cloudtrail \
	    -o $c.out $c.in >/dev/null
	echo "$c rc=$?"
done
d=$(($(tail -n1 eventname.rss) - $(tail -n1 requestid.rss)))
[ $d -lt $((10 * 1024)) ] && echo "within 10 MB" ||
    echo "eventname takes $d KB more"
ll-filter eventname.out/cloudtrail/*/*.parquet |
    jq -r '[.eventid, (.eventname | length)] | @tsv'
