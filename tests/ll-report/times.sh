# Times as the lake's tables may spell them: RFC 3339 text with Z, an
# offset, fractions or a space for the T; milliseconds, seconds or
# microseconds since the epoch.  All are shown in UTC and in the --tz
# zone, daylight saving time included; the duration runs from the
# start (or the first log event, if earlier) to the last log event.
. "$TOP/tests/ll-report/lib/common.sh"
python3 -c '
import json
times = ["2026-03-29T00:30:00Z", "2026-03-29 01:30:00", "2026-03-29T03:30:00+02:00",
         "2026-03-29T02:30:00.999Z", 1774751400000, 1774751400, 1774751400000000]
for i, t in enumerate(times):
    print(json.dumps({"eventtime": t, "eventid": "t%d" % i,
        "first_timestamp": 1774747800000 if i == 0 else None,
        "last_timestamp": [1774748100000, "2026-03-29T01:31:00Z", None,
                           1774751400000, 1774755000000, 1774751400, 1774837800000][i]}))
' >in.ndjson
ll-report -Z Europe/Berlin -o out in.ndjson >/dev/null
echo "rc=$?"
csv_rows out/unassigned/review.csv | cut -d, -f3,4,11,18
sed -n '/^### 1\./,/^- Duration/p' out/unassigned/review.md | grep Duration
grep -o '<title>2026-03-29 0[0-4]:00-0[0-4]:59 Europe/Berlin: [0-9]* sessions\{0,1\}</title>' \
    out/unassigned/review.html
