# Empty inputs, and inputs of blank lines only, are empty streams.
printf '{"k":1}\n' >one
: >empty
printf '\n  \n\t\r\n' >blank
ll-join -J full -k k empty one
echo "rc=$?"
ll-join -J full -k k one empty
echo "rc=$?"
ll-join -J full -k k -a n=count empty empty
echo "rc=$?"
ll-join -J full -k k -S stats.json blank blank
echo "rc=$?"
jq -c '{records_in, records_out}' stats.json
