# Empty input is an empty stream; lines of blanks (CRLF included) are
# skipped and counted, not rejected.
ll-filter -w '.a = 1' </dev/null
echo "rc=$?"
printf '\n\n \t\r\n{"a":1}\r\n' | ll-filter -S stats.json
echo "rc=$?"
jq -c '{records_in,records_out,rejected,blank_lines}' stats.json
