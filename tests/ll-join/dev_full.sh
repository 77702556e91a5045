# A write error on standard output is an I/O error, in memory or spilled.
. "$TOP/tests/ll-join/lib/sessions.sh"
ll-join -k sessionid left.ndjson right.ndjson >/dev/full
echo "rc=$?"
ll-join -k sessionid -b 0 left.ndjson right.ndjson >/dev/full 2>/dev/null
echo "rc=$?"
