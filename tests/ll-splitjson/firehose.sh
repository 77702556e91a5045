# Firehose objects: one log event per line, with its group and stream, and
# the Session Manager message parsed; a plain-text message stays a string.
ll-splitjson -e .logEvents -k messageType,owner,logGroup,logStream -p message \
    -S stats.json "$FIXTURES"/bucket/2026/03/01/10/*
echo "rc=$?"
jq -c '{records_in,records_out,rejected,reasons}' stats.json
# Only objects and arrays replace the string; scalars and non-objects
# pass through.
printf '{"logEvents":[{"message":"42"},{"message":"[1,2]"},{"message":7},{"x":1}]}"top"' |
    ll-splitjson -e logEvents -p message -S stats2.json
echo "rc=$?"
jq -c .reasons stats2.json
