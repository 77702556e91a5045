# Bad lines between good records: matching records come through, each
# bad line is reported with file and line, counted under its reason,
# copied to --reject verbatim (a bad line is rejected even when no rule
# would have matched it), and the exit status is 1.
r=$FIXTURES/sigma/iam.yml
printf '%s\n' \
    '{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"}' \
    '{"eventSource":"iam.amazonaws.com","eventName":CreateUser}' \
    '{"eventSource":"s3.amazonaws.com","eventName":"GetObject"}' \
    '["eventSource","iam.amazonaws.com"]' '  "str"' \
    '{"eventName":"CreateUser","x":"\q"}' '' ' 	' \
    '{"eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey"}' \
    '{"eventSource":"iam.amazonaws.com"' \
    '{"a":1}{"b":2}' '{"a":"\ud800"}' \
    '{"eventSource":"iam.amazonaws.com","eventName":"CreateUser","n":2} ' \
    >in
ll-sigma -y "$r" -r rejects -S stats.json in
echo "rc=$?"
cat rejects
jq -c '{records_in,records_out,rejected,reasons,blank_lines,rules,matches}' \
    stats.json
