# Empty input, empty output; an empty line is counted, not rejected.
: | ll-flatten -T cloudtrail -S stats.json
echo "rc=$?"
printf '\n' | ll-flatten -T cloudwatch -S stats2.json
echo "rc=$?"
jq -c '{records_in,records_out,rejected,reasons}' stats.json stats2.json
