# A last line without a newline is a record like any other; one cut
# short is invalid JSON, reported.
printf '{"eventtime":"2026-03-01T10:00:00Z"}\n{"eventtime":"2026-03-01T09:00:00Z","x":1}' |
    ll-timeline -o ndjson | jq -c .record
printf '{"eventtime":"2026-03-01T10:00:00Z"}\n{"eventtime":"2026-03-01T09' |
    ll-timeline -o ndjson >out
echo "rc=$?"
jq -c .record out
