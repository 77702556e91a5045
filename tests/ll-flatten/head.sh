# Closing the pipe early ends the tool quietly.
seq 1 200000 | sed 's/.*/{"eventTime":"2026-03-01T10:00:00Z","eventID":"&"}/' |
    gzip -n >in
ll-flatten -T cloudtrail in | head -n1 | jq -c .eventid
