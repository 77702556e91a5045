# A document without the array (a CloudTrail-Digest file) is rejected,
# counted and quarantined, never silently dropped.
ll-splitjson -e Records -r rej "$FIXTURES"/bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail-Digest/us-east-1/2026/03/01/*.json.gz 2>err
echo "rc=$?"
sed 's/^.*CloudTrail-Digest_/.../' err
jq -c .awsAccountId rej
printf '{"Records":null}' | ll-splitjson -e Records
echo "rc=$?"
