# One controls file prunes an S3 listing (the records ll-fetch writes)
# and the CloudTrail records and CloudWatch log events found in those
# objects.  Deny wins over allow; a rule about a field a record does
# not carry never removes it; the window reaches a day further for
# objects, named by delivery time.  --stats names the rule behind each
# removal, and --parse (jansson) agrees.
cat >controls.txt <<'C'
# Log Lake controls, reviewed like code.
allow account 111122223333 444455556666   # production
allow account 777788889999
deny  account 444455556666                # looping, OPS-123
deny  region  me-central-1                # regulatory
allow eventname StartSession AssumeRole*
deny  loggroup /aws/lambda/*
from  2026-03-01
until 2026-03-02
C
cat >listing.ndjson <<'J'
{"kind":"cloudtrail","organization":"o-exampleorg","account":"111122223333","region":"us-east-1","day":"2026-03-01","hour":"10","key":"a"}
{"kind":"cloudtrail","organization":"o-exampleorg","account":"444455556666","region":"us-east-1","day":"2026-03-01","hour":"10","key":"b-denied"}
{"kind":"cloudtrail","organization":"o-exampleorg","account":"111122223333","region":"me-central-1","day":"2026-03-01","hour":"10","key":"c-region"}
{"kind":"cloudtrail","organization":"o-exampleorg","account":"999999999999","region":"us-east-1","day":"2026-03-01","hour":"10","key":"d-not-allowed"}
{"kind":"cloudtrail","account":"777788889999","region":"us-east-1","day":"2026-03-03","hour":"00","key":"e-next-day"}
{"kind":"cloudtrail","account":"111122223333","region":"us-east-1","day":"2026-03-04","hour":"00","key":"f-late"}
{"kind":"cloudtrail","account":"111122223333","region":"us-east-1","day":"2026-02-28","hour":"23","key":"g-early"}
{"kind":"firehose","day":"2026-03-01","hour":"10","key":"h-firehose"}
{"kind":"digest","account":"111122223333","region":"us-east-1","day":"2026-03-01","hour":"10","key":"i-digest"}
J
cat >records.ndjson <<'J'
{"eventName":"StartSession","recipientAccountId":"111122223333","awsRegion":"us-east-1","eventTime":"2026-03-01T10:00:00Z","k":"a"}
{"eventName":"DescribeInstances","recipientAccountId":"111122223333","awsRegion":"us-east-1","eventTime":"2026-03-01T10:00:00Z","k":"b-eventname"}
{"eventName":"AssumeRoleWithSAML","userIdentity":{"accountId":"777788889999"},"awsRegion":"us-east-1","eventTime":"2026-03-02T23:59:59Z","k":"c-fallback"}
{"eventName":"StartSession","recipientAccountId":"111122223333","awsRegion":"us-east-1","eventTime":"2026-03-03T00:00:01Z","k":"d-late"}
{"eventName":"StartSession","recipientAccountId":"444455556666","awsRegion":"us-east-1","eventTime":"2026-03-01T10:00:00Z","k":"e-denied"}
{"eventName":"StartSession","recipientAccountId":"111122223333","userIdentity":{"accountId":"444455556666"},"awsRegion":"us-east-1","eventTime":"2026-03-01T10:00:00Z","k":"f-recipient-wins"}
{"eventName":"StartSession","recipientAccountId":"111122223333","awsRegion":"me-central-1","eventTime":"2026-03-01T10:00:00Z","k":"g-region"}
{"eventName":"StartSession","recipientAccountId":"111122223333","awsRegion":"us-east-1","eventTime":"2026-03-01T00:30:00+01:00","k":"h-offset-is-feb-28"}
{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/aws/ssm/sessionlogs","timestamp":1772359500000,"k":"i-cw"}
{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/aws/lambda/x","timestamp":1772359500000,"k":"j-cw-lambda"}
{"messageType":"DATA_MESSAGE","owner":"999999999999","logGroup":"/aws/ssm/sessionlogs","timestamp":1772359500000,"k":"k-cw-owner"}
{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/aws/ssm/sessionlogs","timestamp":1772582400000,"k":"l-cw-late"}
J
echo "listing:"
ll-filter -c controls.txt -S stats.json listing.ndjson | jq -r .key
jq -c .removed stats.json | tr ',' '\n'
echo "records:"
ll-filter -c controls.txt -S stats.json records.ndjson | jq -r .k
jq -c .removed stats.json | tr ',' '\n'
ll-filter -c controls.txt listing.ndjson records.ndjson >fast
ll-filter -p -c controls.txt listing.ndjson records.ndjson >full
cmp fast full && echo "--parse agrees"
echo "with a test: $(ll-filter -c controls.txt -w '.k ^= a' listing.ndjson \
    records.ndjson | wc -l)"
