# The data is committed before the records are written; a full stdout
# is still an I/O error.
printf '{"eventid":"1","calendarday":"2026-03-01"}\n' |
    ll-partition -t cloudtrail -o out >/dev/full
echo "rc=$?"
zcat out/cloudtrail/calendarday=2026-03-01/*.gz
