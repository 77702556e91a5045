# Schema drift never breaks a row: an object that is a string elsewhere
# stays JSON text, a boolean written as a string is read, a value of the
# wrong type becomes null (counted), unknown or misshapen fields are
# counted by path, and escaped keys are recognised.
cat >in <<'X'
{"eventTime":"2026-03-01T10:00:00Z","eventID":"a","requestParameters":{"filter":{"name":"x"}},"readOnly":true}
{"eventTime":"2026-03-01T10:00:00Z","eventID":"b","requestParameters":"filter=x","readOnly":"false","managementEvent":"maybe"}
{"eventTime":"2026-03-01T10:00:00Z","eventID":"c","userIdentity":"root","newField":{"a":1},"resources":[{"ARN":"arn:x"}],"readOnly":1}
{"eventTime":"2026-03-01T10:00:00Z","event\u0049D":"d","userIdentity":{"type":"Root","arn":{"odd":true},"extra":1},"eventName":17}
X
ll-flatten -T cloudtrail -S stats.json in >out
echo "rc=$?"
jq -c '[.eventid, .requestparameters, .readonly, .managementevent,
    .useridentity_type, .useridentity_arn, .resources, .eventname]' out
jq -c '{values_nulled, dropped_fields}' stats.json
