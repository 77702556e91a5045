# The last record needs no newline.
printf '{"eventTime":"2026-03-01T10:00:00Z","eventID":"1"}\n{"eventTime":"2026-03-02T10:00:00Z","eventID":"2"}' |
    ll-flatten -T cloudtrail | jq -c '[.eventid, .calendarday]'
