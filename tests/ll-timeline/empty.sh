# Nothing in, nothing out: an empty input, an empty file, a lake whose
# window holds no day, in every format (CSV still has its header).
ll-timeline -o ndjson </dev/null
echo "rc=$?"
: >e
ll-timeline -o table e
echo "rc=$?"
ll-timeline -o csv e
echo "rc=$?"
. "$TOP/tests/lib/timeline.sh"
mklake .
ll-timeline -D lake -f 2027-01-01 -o ndjson -S stats.json
echo "rc=$?"
jq -c '{records_in, records_out}' stats.json
