# Nothing in, nothing written: no record, no directory.
: | ll-partition -T cloudtrail -o out -S stats.json
echo "rc=$?"
ls out 2>&1 | sed 's/^ls: //'
jq -c '{records_in,records_out,files_written,rows_written}' stats.json
