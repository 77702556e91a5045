# CloudWatch log events: a timestamp that is not epoch milliseconds is
# rejected, one that is becomes the lake's time text; non-string
# transcript lines are kept as JSON text; a JSON message that is not a
# transcript is kept whole as text.
cat >in <<'X'
{"messageType":"DATA_MESSAGE","owner":"1","logGroup":"g","logStream":"s","id":"1","timestamp":0,"message":{"level":"info","msg":"hi"}}
{"messageType":"DATA_MESSAGE","owner":"1","logGroup":"g","logStream":"s","id":"2","timestamp":1772409599999,"message":{"sessionId":"s-1","sessionData":["a\tb",7,null,"c"],"target":{"id":"i-1"}}}
{"messageType":"DATA_MESSAGE","owner":"1","logGroup":"g","logStream":"s","id":"3","timestamp":"1772409599999","message":"x"}
{"messageType":"DATA_MESSAGE","owner":"1","logGroup":"g","logStream":"s","id":"4","timestamp":1.5,"message":"x"}
{"messageType":"DATA_MESSAGE","owner":"1","logGroup":"g","logStream":"s","id":"5","message":"x"}
{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","id":"","timestamp":1772359200000,"message":"CWL CONTROL MESSAGE"}
{"owner":"1","logGroup":"g","logStream":"s","id":"6","timestamp":1772359200000,"message":{"sessionId":"s-2","sessionData":"one line"}}
X
ll-flatten -T cloudwatch -S stats.json in >out
echo "rc=$?"
jq -c '[.event_id, .timestamp, .calendarday, .sessionid,
    .target_id, .sessiondata, .message]' out
jq -c '{records_in,records_out,rejected,reasons}' stats.json
