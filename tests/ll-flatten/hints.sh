# The obvious causes of records without an event time are said once,
# after the messages: a Firehose document, a CloudWatch log event or a
# whole CloudTrail file given to -T cloudtrail.
printf '%s\n' \
    '{"messageType":"DATA_MESSAGE","logEvents":[{"id":"1","timestamp":1}]}' \
    '{"id":"2","timestamp":1772323200000,"logGroup":"x"}' \
    '{"Records":[{"eventTime":"2026-03-01T00:00:00Z"}]}' \
    '{"Records":[{"eventTime":"2026-03-01T00:00:00Z"}]}' |
    ll-flatten -T cloudtrail
echo "rc=$?"
# A record whose time is there but wrong has no such hint.
echo '{"eventTime":"yesterday","logEvents":[]}' | ll-flatten -T cloudtrail
echo "rc=$?"
