# CloudTrail files: one record per line, each naming its raw object.
cd "$FIXTURES"
ll-splitjson -e Records -s source_object -S "$OLDPWD/stats.json" \
    bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/*.json.gz
echo "rc=$?"
cd "$OLDPWD"
jq -c ".version = \"V\"" stats.json
