# The demo-sized case end to end: one summary record per page on
# standard output, every file in its manager's directory, and the CSV
# and Markdown text exactly.  alice, bob and breakglass-admin report to
# ops-lead, breakglass-admin also to audit (two patterns may claim one
# person: both pages show the session), mallory and carol to sec-lead;
# hiro and a person with no ARN to nobody; the duplicate row is shown
# once; nobody-here gets a page that says there is nothing to review.
. "$TOP/tests/ll-report/lib/common.sh"
ll-report -H managers.conf -Z Europe/Berlin -o out -S stats.json \
    rows.ndjson
echo "rc=$?"
(cd out && find . | sort)
jq -c '{sessions, duplicates, outside_range, pages, rejected}' stats.json
for m in ops-lead sec-lead audit nobody-here unassigned; do
	echo "== $m/review.csv"
	cat "out/$m/review.csv"
done
echo "== ops-lead/review.md"
sed "s/ll-report [0-9.]* from/ll-report X from/" out/ops-lead/review.md
echo "== unassigned/review.md"
sed "s/ll-report [0-9.]* from/ll-report X from/" out/unassigned/review.md
