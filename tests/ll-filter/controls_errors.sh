# A malformed controls file stops the tool before it reads a record,
# naming the file and line (exit 2); it never quietly allows all.
for l in 'allow acount 111122223333' 'deny account 11112222333' \
    'allow account' 'permit account 111122223333' 'allow day 2026-03-01' \
    'from 2026-02-30' 'until 2026-03-01 2026-03-02' 'deny region useast1' \
    'allow eventname Start*Session' 'deny account *' \
    'allow organization x-abcdefghij' 'deny eventsource ssm' \
    'deny loggroup /aws/a b!' '# only a comment'; do
	printf 'deny region me-central-1\n%s\n' "$l" >ctl
	echo '{"a":1}' | ll-filter -c ctl
	echo "rc=$?"
done
: >empty
ll-filter -c empty </dev/null
echo "rc=$?"
printf 'from 2026-03-02\nuntil 2026-03-01\n' >ctl
ll-filter -c ctl </dev/null
echo "rc=$?"
printf 'from 2026-03-02\nfrom 2026-03-01\n' >ctl
ll-filter -c ctl </dev/null
echo "rc=$?"
printf 'deny account 111122223333\0\n' >ctl
ll-filter -c ctl </dev/null
echo "rc=$?"
ll-filter -c missing </dev/null
echo "rc=$?"
# Comments, CRLF, blanks, '#' inside a value, wildcards, the British
# spelling: all fine.
printf '\t# header\r\n\r\nallow loggroup /app#1 /aws/ssm/*  # two\r\n' >ctl
printf 'deny organisation o-abcdefghij\nallow region us-*\n' >>ctl
printf '%s\n' '{"logGroup":"/app#1"}' '{"logGroup":"/app#2"}' \
    '{"logGroup":"/aws/ssm/x"}' '{"organization":"o-abcdefghij"}' \
    '{"region":"eu-west-1"}' '{"awsRegion":"us-west-2"}' |
    ll-filter -c ctl -S stats.json
echo "rc=$?"
jq -c .removed stats.json
