# Bad rows between good ones: the good ones are on their pages, each bad
# one is reported with its line, counted by reason and quarantined, the
# exit status is 1, and every page says the review may be incomplete.
. "$TOP/tests/ll-report/lib/common.sh"
{
	head -n 2 rows.ndjson
	echo '{"eventtime": "2026-03-01T10:00:00Z", "eventid": "x1",'
	echo '[1, 2]'
	echo ''
	echo '{"eventtime": "yesterday", "eventid": "x2"}'
	echo '{"eventid": "x3"}'
	printf '{"eventtime": "2026-03-01T10:00:00Z", "eventid": "x4", "a": "\377"}\n'
	tail -n +3 rows.ndjson
} >in.ndjson
pages -H managers.conf -o out -r rejects -S stats.json in.ndjson
cat rejects
jq -c '{records_in, rejected, reasons, sessions, exit}' stats.json
grep -o '<p class="warn" id="incomplete">[^<]*' out/ops-lead/review.html
grep -c 'Warning:\*\* 5 input rows' out/unassigned/review.md
