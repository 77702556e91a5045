# Indicator lists: one a line, blanks trimmed, comments and empty lines
# skipped, CRLF endings taken; all looked for in one pass, overlapping
# ones each reported (ll_match, in the list's order); whole tokens only
# with -x, where 10.0.3.17 is not found in 10.0.3.170 nor in
# 10.0.3.17.5, but is in "10.0.3.17:22", "(10.0.3.17)" and at the end of
# a sentence.  -g adds one more; -i ignores ASCII case.
printf '%s\r\n' '# incident 4711' '' '  10.0.3.17  ' '10.0.3.1' '0.3.17' \
    'deploy@10.0.3.17' 'Alice' '10.0.3.17' >ind
cat >in <<'X'
{"eventtime":"2026-03-01T10:00:00Z","sourceipaddress":"10.0.3.17"}
{"eventtime":"2026-03-01T10:00:01Z","sourceipaddress":"10.0.3.170"}
{"eventtime":"2026-03-01T10:00:02Z","message":"ssh deploy@10.0.3.17:22 (10.0.3.17)."}
{"eventtime":"2026-03-01T10:00:03Z","message":"host 10.0.3.17.5 and x10.0.3.17 and 10.0.3.17-b"}
{"eventtime":"2026-03-01T10:00:04Z","useridentity_arn":"arn:aws:sts::1:assumed-role/Admin/alice"}
{"eventtime":"2026-03-01T10:00:05Z","requestparameters":"{\"note\":\"from \\\"10.0.3.1\\\"\"}"}
{"eventtime":"2026-03-01T10:00:06Z","m":"caf\u00e9 10\u002e0.3.17"}
X
ll-timeline -I ind -o ndjson in | jq -c '[.time[14:19], .ll_match]'
echo "-- whole tokens"
ll-timeline -x -I ind -o ndjson in | jq -c '[.time[14:19], .ll_match]'
echo "-- -i, and -g"
ll-timeline -i -x -I ind -g ADMIN -o ndjson in |
    jq -c '[.time[14:19], .ll_match]'
echo "-- usage"
: >empty
ll-timeline -I empty in
echo "rc=$?"
ll-timeline -I missing in
echo "rc=$?"
ll-timeline -g '' in
echo "rc=$?"
ll-timeline -x in
echo "rc=$?"
printf 'a\0b\n' >nul
ll-timeline -I nul in
echo "rc=$?"
