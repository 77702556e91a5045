# A regular expression that backtracks without end is stopped by PCRE2's
# match limit: the match is taken as none, counted, said on standard
# error, and the exit status is 1; the other records are still tested.
cat >r.yml <<'X'
title: catastrophic
id: catastrophic
logsource:
    product: aws
    service: cloudtrail
detection:
    s:
        userAgent|re: '^(a+)+$'
    condition: s
X
python3 -c '
print("{\"userAgent\":\"" + "a" * 40 + "b\"}")
print("{\"userAgent\":\"aaaa\"}")' >in
ll-sigma -y r.yml -S stats.json in
echo "rc=$?"
jq -c '{records_in, records_out, regex_errors}' stats.json
