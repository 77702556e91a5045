# Pages honour the umask; a manager's directory that is a symbolic link
# (someone else's) is not followed; files already there are replaced
# whole, and no temporary file is left behind.
. "$TOP/tests/ll-report/lib/common.sh"
(umask 077 && ll-report -H managers.conf -o out rows.ndjson >/dev/null)
echo "rc=$?"
stat -c '%a %n' out/audit out/audit/review.html out/audit/review.md \
    out/audit/review.csv
ll-report -H managers.conf -o out rows.ndjson >/dev/null
echo "again rc=$?"
find out -name '.*' | wc -l
mkdir elsewhere
ln -s ../elsewhere out/sec-lead.tmp
rm -rf out/sec-lead
mv out/sec-lead.tmp out/sec-lead
ll-report -H managers.conf -o out rows.ndjson >/dev/null
echo "rc=$?"
ls elsewhere | wc -l
