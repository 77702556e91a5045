# The controls read Bedrock's records by its definition: accountId as
# the account, region, modelId as the modelid field (exact, or a prefix
# ending in '*'), timestamp (RFC 3339 text here, epoch milliseconds in
# CloudWatch's log events) as the day.  A modelid rule never removes a
# record of another source, nor a listing record, which carries none;
# the same file prunes Bedrock's objects by account, region and day.
cat >controls.txt <<'C'
allow account 111122223333
deny  region  ap-east-1
deny  modelid meta.* arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.meta.llama3-8b-instruct-v1:0
allow modelid anthropic.* amazon.titan-text-express-v1 arn:aws:bedrock:*
from  2026-03-01
C
cat >records.ndjson <<'J'
{"timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","region":"us-east-1","modelId":"anthropic.claude-3-haiku-20240307-v1:0","requestId":"a"}
{"timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","region":"us-east-1","modelId":"amazon.titan-text-express-v1","requestId":"b"}
{"timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","region":"us-east-1","modelId":"meta.llama3-8b-instruct-v1:0","requestId":"c-denied"}
{"timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","region":"us-east-1","modelId":"amazon.titan-embed-text-v2:0","requestId":"d-not-allowed"}
{"timestamp":"2026-03-01T10:00:00Z","accountId":"999999999999","region":"us-east-1","modelId":"anthropic.claude-3-haiku-20240307-v1:0","requestId":"e-account"}
{"timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","region":"ap-east-1","modelId":"anthropic.claude-3-haiku-20240307-v1:0","requestId":"f-region"}
{"timestamp":"2026-02-28T23:59:59Z","accountId":"111122223333","region":"us-east-1","modelId":"anthropic.claude-3-haiku-20240307-v1:0","requestId":"g-early"}
{"timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","region":"us-east-1","modelId":"arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.meta.llama3-8b-instruct-v1:0","requestId":"h-profile-denied"}
{"timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","region":"us-east-1","modelId":"arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0","requestId":"i-profile"}
{"eventName":"StartSession","recipientAccountId":"111122223333","awsRegion":"us-east-1","eventTime":"2026-03-01T10:00:00Z","requestId":"j-cloudtrail"}
{"kind":"bedrock","account":"111122223333","region":"us-east-1","day":"2026-03-01","hour":"10","requestId":"k-listing"}
{"kind":"bedrock","account":"111122223333","region":"ap-east-1","day":"2026-03-01","hour":"10","requestId":"l-listing-region"}
J
ll-filter -c controls.txt -S stats.json records.ndjson | jq -r .requestId
echo "rc=$?"
jq -c .removed stats.json
ll-filter -p -c controls.txt records.ndjson | jq -r .requestId | paste -sd' '
printf 'allow modelid anthropic.claude*-v1\n' >bad.txt
ll-filter -c bad.txt </dev/null
echo "rc=$?"
printf 'deny modelid claude(3)\n' >bad.txt
ll-filter -c bad.txt </dev/null
echo "rc=$?"
