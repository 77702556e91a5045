# The fixture trail, flattened: every column in schema order, drifting
# objects as JSON text, sessionid from StartSession's response (null for
# the denied call), and the duplicate event still there (ll-partition
# removes it).
cd "$FIXTURES"
ll-splitjson -e Records -s source_object \
    bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/*.json.gz |
    ll-flatten -T cloudtrail -S "$OLDPWD/stats.json"
echo "rc=$?"
cd "$OLDPWD"
jq -c '{records_in,records_out,rejected,reasons}' stats.json
