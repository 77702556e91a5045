printf '{"partition":{"calendarday":"a"},"location":"s3://a/"}\n{"partition":{"calendarday":"b"},"location":"s3://b/"}' |
    ll-register -P -T t
