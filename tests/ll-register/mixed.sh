# Records that are not partition records are reported and rejected, the
# good ones still printed.
printf '%s\n' '{"partition":{"calendarday":"2026-03-01"},"location":"s3://a/"}' \
    'not json' '{"partition":{"calendarday":"2026-03-02"}}' \
    '{"partition":{},"location":"s3://a/"}' \
    '{"partition":{"calendarday":7},"location":"s3://a/"}' \
    '{"partition":"2026-03-03","location":"s3://a/"}' \
    '{"partition":{"calendarday":"2026-03-04"},"location":"s3://b/"}' >parts
ll-register -P -T t -r rejects -S stats.json parts
echo "rc=$?"
cat rejects
jq -c '{records_in,records_out,rejected,reasons}' stats.json
