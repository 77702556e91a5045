# A row over 10 MiB is written whole.
python3 -c '
import json
print(json.dumps({"eventid": "big", "calendarday": "2026-03-01", "x": "y" * 11000000}))
print(json.dumps({"eventid": "small", "calendarday": "2026-03-01"}))' >in
ll-partition -t cloudtrail -o out in | jq -c '{records}'
zcat out/cloudtrail/calendarday=2026-03-01/*.gz | jq -c '[.eventid, (.x // "" | length)]'
