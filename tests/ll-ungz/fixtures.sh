# Real-shaped objects: a CloudTrail file and a Firehose object.
ll-ungz "$FIXTURES"/bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/*_20260301T1005Z_*.json.gz | jq -c '.Records | length'
ll-ungz "$FIXTURES"/bucket/2026/03/01/10/* | wc -l
ll-ungz "$FIXTURES"/bucket/2026/03/01/10/* | grep -o '"messageType"' | wc -l
