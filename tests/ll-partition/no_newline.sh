printf '{"eventid":"1","calendarday":"2026-03-01"}\n{"eventid":"2","calendarday":"2026-03-01"}' |
    ll-partition -T cloudtrail -o out | jq -c '{records}'
