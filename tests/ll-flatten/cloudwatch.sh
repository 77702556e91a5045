# The fixture Firehose object: the control message is counted and left
# out, the transcript's lines are joined with newlines, a plain-text log
# line keeps its text in "message".
cd "$FIXTURES"
ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    -p message -s source_object bucket/2026/03/01/10/* |
    ll-flatten -T cloudwatch -S "$OLDPWD/stats.json"
echo "rc=$?"
cd "$OLDPWD"
jq -c '{records_in,records_out,rejected,reasons}' stats.json
