# A standard output that cannot be written is an I/O error (exit 3).
. "$TOP/tests/ll-report/lib/common.sh"
ll-report -H managers.conf -o out rows.ndjson >/dev/full
echo "rc=$?"
