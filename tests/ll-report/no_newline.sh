# The last row needs no newline.
. "$TOP/tests/ll-report/lib/common.sh"
head -n 2 rows.ndjson | head -c -1 >in.ndjson
pages -H managers.conf -o out in.ndjson
