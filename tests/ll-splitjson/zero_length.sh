# A zero-length object between real ones holds no record and is no error.
cp "$FIXTURES"/bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/*T1010Z*.json.gz ct.json.gz
: >empty.json.gz
ll-splitjson -e Records -S stats.json empty.json.gz ct.json.gz empty.json.gz |
    jq -c .eventName
echo "rc=$?"
jq -c '{records_in,records_out,rejected,exit}' stats.json
