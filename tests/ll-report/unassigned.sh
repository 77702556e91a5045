# Nothing is missed: every event of the input is on at least one page,
# the unassigned page holds exactly the events that no manager's page
# holds, and no unassigned event is on another page.  Without a mapping
# file, every session is unassigned.
. "$TOP/tests/ll-report/lib/common.sh"
ll-report -H managers.conf -o out rows.ndjson >/dev/null
echo "rc=$?"
jq -r .eventid rows.ndjson | sort -u >all
for f in out/*/review.csv; do
	csv_rows "$f" | awk -F, '{ print $NF }' | tr -d '"'
done | sort -u >claimed_or_not
cmp all claimed_or_not && echo "every event is on a page: $(wc -l <all)"
csv_rows out/unassigned/review.csv | awk -F, '{ print $NF }' | tr -d '"' |
    sort >unassigned
for f in out/*/review.csv; do
	[ "$f" = out/unassigned/review.csv ] && continue
	csv_rows "$f" | awk -F, '{ print $NF }' | tr -d '"'
done | sort -u >assigned
echo "unassigned: $(tr '\n' ' ' <unassigned)"
echo "on both: $(comm -12 unassigned assigned | wc -l)"
echo "on neither: $(sort -u unassigned assigned | comm -23 all - | wc -l)"
pages -o bare rows.ndjson
ls bare
csv_rows bare/unassigned/review.csv | wc -l
