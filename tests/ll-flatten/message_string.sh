# Without ll-splitjson --parse, a message string holding a JSON object
# is read for the session columns all the same, the values decoded from
# its escapes; the message column keeps a transcript out, and keeps any
# other text (JSON or not, or JSON cut short) as it was.
printf '%s\n' \
 '{"messageType":"DATA_MESSAGE","id":"1","timestamp":1772359200000,"message":"{\"sessionId\":\"s-1\",\"target\":{\"id\":\"i-1\"},\"runAsUser\":\"ssm-user\",\"sessionData\":[\"$ echo \\u00e9\",\"\\u00e9\"]}"}' \
 '{"messageType":"DATA_MESSAGE","id":"2","timestamp":1772359200001,"message":"{\"level\": \"info\",  \"n\": 1}"}' \
 '{"messageType":"DATA_MESSAGE","id":"3","timestamp":1772359200002,"message":"{\"sessionId\":\"s-2\", \"cut"}' \
 '{"messageType":"DATA_MESSAGE","id":"4","timestamp":1772359200003,"message":"plain text"}' |
    ll-flatten -T cloudwatch -S stats.json |
    jq -c '[.event_id, .sessionid, .target_id, .runasuser, .sessiondata, .message]'
echo "rc=$?"
jq -c '{records_out,rejected,dropped_fields}' stats.json
