# Bad lines between good records: the good ones pass, each bad one is
# reported with file and line, counted under its reason, copied to
# --reject verbatim, and the exit status is 1.  A bad line is rejected
# even when the tests would have removed it.
printf '%s\n' '{"a":1}' '{"a":tru}' '{"a":2}' '[1,2]' '  "str"' \
    '{"a":"\q"}' '' '{"a":3}' '{"a":4' '{"b":1}' '{"a":5}{"a":6}' \
    '{"a":"\ud800"}' '{"a":1e999}' '{"a":7}' >in
ll-filter -w '.a exists' -r rejects -S stats.json in
echo "rc=$?"
cat rejects
jq -c '{records_in,records_out,rejected,reasons,blank_lines,removed}' \
    stats.json
