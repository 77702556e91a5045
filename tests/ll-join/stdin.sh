# Either input may be standard input, and either may be gzip-compressed.
. "$TOP/tests/ll-join/lib/sessions.sh"
ll-join -J semi -k sessionid left.ndjson right.ndjson >want
ll-join -J semi -k sessionid - right.ndjson <left.ndjson | cmp - want &&
    echo left from stdin
ll-join -J semi -k sessionid left.ndjson - <right.ndjson | cmp - want &&
    echo right from stdin
gzip -c right.ndjson >right.gz
gzip -c left.ndjson >left.gz
ll-join -J semi -k sessionid left.gz - <right.gz | cmp - want &&
    echo compressed
