# The controls file is checked before anything is listed or created: a
# malformed line stops the run with the file and line, exit 2 (a bad
# argument: nothing was done).  A good file is used.
. "$TOP/tests/lib/lake.sh"
sample src
printf 'allow account 111122223333\ndeny acount 444455556666\n' >bad.conf
pipeline -c bad.conf -D lake src/cloudtrail
echo "rc=$?"
[ -e lake ] || echo "nothing created"
printf 'deny region eu-west-1\n' >good.conf
pipeline -c good.conf -D lake src/cloudtrail
echo "rc=$?"
jq -c '.objects | {listed, removed_by_controls}' lake/state/last-run/reconciliation.json
