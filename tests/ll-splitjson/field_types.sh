# Fields of unexpected type: with --parse, a message that is an array, an
# object, a number or null is kept as it is and counted; a timestamp in
# seconds rather than milliseconds passes through unchanged.
printf '{"logEvents":[{"id":"1","timestamp":1772359205,"message":["{\\"a\\":1}"]},{"id":"2","timestamp":1772359205000,"message":{"a":1}},{"id":"3","timestamp":1772359205,"message":42},{"id":"4","message":null},{"id":"5","timestamp":1772359205,"message":"{\\"ok\\":true}"}]}' >in
ll-splitjson -e logEvents -p message -S stats.json in
echo "rc=$?"
jq -c '{records_out,rejected,reasons}' stats.json
