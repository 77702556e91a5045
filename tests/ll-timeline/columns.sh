# -l/--columns: the full record keeps only the columns listed, in its
# own order, partition columns (calendarday) among them; the common
# columns are still filled from columns not listed.  Indicators are
# still looked for in every column: a hit in requestparameters or in
# sessiondata, not listed, still makes a row (its record may be {}).
# A name no table read has is a usage error; one only some tables have
# is fine.  Raw NDJSON, whose columns are not known ahead, is not
# checked: its top-level members are kept as listed.
. "$TOP/tests/lib/timeline.sh"
mklake .
ll-timeline -D lake -o ndjson -l eventname,calendarday,logstream \
    -t 2026-03-01T10:00:05Z
echo "-- csv"
ll-timeline -D lake -T cloudtrail -o csv -l sourceipaddress -f 2026-03-02
echo "-- indicators search every column"
ll-timeline -D lake -o ndjson -l eventname -g '"10.0.3.17"' -g deploy@ |
    jq -c '[.time[11:19], .table, .ll_match, .record]'
echo "-- unknown"
ll-timeline -D lake -l eventname,nosuch,calendarday
echo "rc=$?"
ll-timeline -D lake -T cloudwatch -l eventname
echo "rc=$?"
ll-timeline -D lake -l eventname,
echo "rc=$?"
echo "-- raw NDJSON, not checked"
printf '%s\n' '{"eventTime":"2026-03-01T10:00:00Z","eventName":"A","nosuch":1,"userIdentity":{"arn":"x"}}' |
    ll-timeline -o ndjson -l nosuch,eventName
echo "rc=$?"
