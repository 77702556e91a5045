echo '{"partition":{"calendarday":"2026-03-01"},"location":"s3://a/"}' |
    ll-register -P -T t >/dev/full
echo "rc=$?"
