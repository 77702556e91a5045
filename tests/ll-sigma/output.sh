# All the construct rules at once over all their records: a record
# matched by several rules carries one entry for each, in the order the
# rules were loaded (file names sorted); every record leaves byte for
# byte as it came, the "sigma" member added before its last brace.
cat "$FIXTURES"/sigma/own/*.ndjson >in
ll-sigma -y "$FIXTURES/sigma/own" -S stats.json in >out
echo "rc=$?"
jq -c '[._case, (.sigma | map(.id) | join(" "))]' out |
    grep ' ' | head -n 5
sed 's/,"sigma":\[{"id":.*}\]}$/}/' out >stripped
grep -vxFf in stripped || echo "every record byte for byte"
jq -c '{records_in, records_out, rules, rules_refused}' stats.json
jq -c '.matches | to_entries | map(select(.value > 0)) | length' stats.json
