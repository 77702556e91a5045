# The anti join of StartSession rows with their log event rows.
. "$TOP/tests/ll-join/lib/sessions.sh"
ll-join -J anti -k sessionid -S stats.json left.ndjson right.ndjson
echo "rc=$?"
jq -c 'del(.tool, .version, .bytes_in, .bytes_out, .memory_peak)' stats.json
