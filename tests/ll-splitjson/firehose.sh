# Firehose objects: one log event per line, with its group and stream, and
# the Session Manager message parsed; a plain-text message stays a string.
ll-splitjson -e .logEvents -k messageType,owner,logGroup,logStream -p message \
    -S stats.json "$FIXTURES"/bucket/2026/03/01/10/*
echo "rc=$?"
jq -c '{records_in,records_out,rejected,reasons}' stats.json
