# From the raw fixture bucket: CloudTrail StartSession records joined with
# the Session Manager log events of the Firehose object, on nested paths.
# The denied StartSession (responseElements null) has no key and stays.
b=$FIXTURES/bucket
ll-splitjson -e Records \
    "$b"/AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2026/03/01/* |
    jq -c 'select(.eventName == "StartSession")' >starts
ll-splitjson -e logEvents -k logGroup,logStream -p message \
    "$b"/2026/03/01/10/* >events
ll-join -J left -1 responseElements.sessionId -2 message.sessionId \
    -o timestamp -o id -d id -a transcript=text:message.sessionData \
    -a lines=lines:message.sessionData -a first=first:timestamp \
    -S stats.json starts events |
    jq -c '{eventTime, who: .userIdentity.arn, ip: .sourceIPAddress,
    errorCode, transcript, lines, first}'
jq -c '{left_records, right_records, left_matched, reasons}' stats.json
