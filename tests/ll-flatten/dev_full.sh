printf '{"eventTime":"2026-03-01T10:00:00Z","eventID":"1"}\n' |
    ll-flatten -T cloudtrail >/dev/full
echo "rc=$?"
