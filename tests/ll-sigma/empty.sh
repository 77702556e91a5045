# Empty input is an empty stream; lines of blanks (CRLF included) are
# skipped and counted, not rejected.  An empty object is matched by a
# rule that asks for nothing but a missing field, and keeps its shape.
r=$FIXTURES/sigma/iam.yml
ll-sigma -y "$r" </dev/null
echo "rc=$?"
printf '\n\n \t\r\n{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"}\r\n' |
    ll-sigma -y "$r" -S stats.json
echo "rc=$?"
jq -c '{records_in,records_out,rejected,blank_lines}' stats.json
cat >null.yml <<'X'
title: no error
logsource:
    product: aws
    service: cloudtrail
detection:
    s:
        errorCode: null
    condition: s
X
printf '{}\n{ }\n{"errorCode":"x"}\n' | ll-sigma -y null.yml
