# Usage errors exit 2 with the synopsis; -h prints it and exits 0.
. "$TOP/tests/ll-report/lib/common.sh"
ll-report rows.ndjson
echo "rc=$?"
ll-report -x -o out
echo "rc=$?"
ll-report -D lake -o out rows.ndjson
echo "rc=$?"
ll-report -D lake -o out
echo "rc=$?"
ll-report -t 2026-03-01 -o out rows.ndjson
echo "rc=$?"
ll-report -f 2026-03-02 -t 2026-03-01 -o out rows.ndjson
echo "rc=$?"
ll-report -f 2026-02-30 -o out rows.ndjson
echo "rc=$?"
ll-report -Z Mars/Olympus -o out rows.ndjson
echo "rc=$?"
ll-report -Z ../../etc/passwd -o out rows.ndjson
echo "rc=$?"
ll-report -Z 'Europe/Berlin"' -o out rows.ndjson
echo "rc=$?"
test -e out || echo "nothing written"
ll-report -h | head -n1
ll-report -V | sed 's/[0-9.]*$/X/'
