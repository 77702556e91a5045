# Zero-length objects, whatever their name, write nothing and are not
# errors; the files around them are processed.
: >empty.json.gz
printf 'one\n' | gzip -n >one.gz
ll-ungz -S stats.json empty.json.gz one.gz empty.json.gz
echo "rc=$?"
jq -c '{records_in,files_ok,files_damaged,bytes_out,exit}' stats.json
