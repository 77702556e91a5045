# Membership in a list from a file: 5000 account ids, comments and
# blank lines skipped, CRLF tolerated; repeated positive tests on one
# field are alternatives, tests on different fields must all hold.
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "1000%08d\n", i * 7 }' >accounts
printf '# production\n\n777777777777\r\n' >>accounts
awk 'BEGIN { for (i = 0; i < 20000; i++)
	printf "{\"recipientAccountId\":\"1000%08d\",\"eventName\":\"%s\"}\n",
	    i, i % 3 ? "AssumeRole" : "StartSession" }' >in
printf '{"recipientAccountId":"777777777777","eventName":"StartSession"}\n' >>in
ll-filter -w '.recipientAccountId in @accounts' in | wc -l
ll-filter -w '.recipientAccountId in @accounts' \
    -w '.eventName = StartSession' in | wc -l
ll-filter -w '.recipientAccountId in @accounts' \
    -w '.eventName = StartSession' -w '.eventName = AssumeRole' in | wc -l
ll-filter -w '.recipientAccountId !in @accounts' in | wc -l
ll-filter -w '.eventName = StartSession' -w '.eventName ^= Assume' \
    -S stats.json in | wc -l
jq -c .removed stats.json
ll-filter -w '.eventName != StartSession' -w '.eventName != AssumeRole' in |
    wc -l
jq -c 'select(.eventName == "StartSession")' in | wc -l
sort -u accounts | grep -c '^1000'
jq -r '.recipientAccountId' in | sort >ids
sort accounts | comm -12 ids - | wc -l
