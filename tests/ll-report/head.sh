# A reader that stops early ends ll-report quietly.
. "$TOP/tests/ll-report/lib/common.sh"
ll-report -H managers.conf -o out rows.ndjson | head -n1 | jq -c .manager
