# Bad lines on both sides: reported with file and line, copied to
# --reject, counted, never written; the good records are joined and the
# exit status is 1.
printf '%s\n' '{"k":1,"l":"a"}' '{"k":1,"l":"trunc' '[1,2]' '{"k":2,"l":"b"}' \
    '' '{"k":3,"l":"c"} x' >left
printf '%s\n' '{"k":1,"r":"x"}' 'nope' '{"k":2,"r":"y"}' '"str"' \
    '{"k":2,"r":"\q"}' >right
ll-join -J left -k k -r rejects -S stats.json left right
echo "rc=$?"
cat rejects
jq -c '{records_in, records_out, rejected, reasons, left_records,
    right_records}' stats.json
# Spilled, the same.
ll-join -J left -k k -b 0 left right 2>/dev/null
echo "rc=$?"
