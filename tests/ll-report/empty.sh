# No input: every page is written and says there is nothing to review.
. "$TOP/tests/ll-report/lib/common.sh"
pages -H managers.conf -o out </dev/null
sed "s/ll-report [0-9.]* from/ll-report X from/" out/audit/review.md
cat out/audit/review.csv
grep -o '<p class="meta">No sessions\.</p>' out/audit/review.html
