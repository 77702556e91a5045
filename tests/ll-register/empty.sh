: | ll-register -P -T t -S stats.json
echo "rc=$?"
jq -c '{records_in,records_out}' stats.json
