# Bad documents between good ones: the good ones survive, the bad ones are
# reported with file, line and byte offset, and quarantined verbatim.
printf '{"a":1}{"b":tru}{"c":2}\n{bad\n{"d":4}x{"e":5}\n{"f":"\\q"}\n{"g":7}' >in
ll-splitjson -r rejects -S stats.json in
echo "rc=$?"
cat rejects
jq -c '{records_in,records_out,rejected,reasons}' stats.json
