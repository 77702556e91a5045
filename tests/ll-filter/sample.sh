# On realistic data from scripts/dev/gen-sample (CloudTrail files and
# Firehose objects of CloudWatch log events with Session Manager
# transcripts): the needle query, --grep for strings that sit escaped
# once or twice deep in transcripts, and a controls file, each checked
# against jq by event id; and the fast path against --parse.  Counts
# are not shown: they belong to the generator.
"$TOP/scripts/dev/gen-sample" --events 3000 --days 1 raw >/dev/null
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort |
    xargs ll-splitjson -e Records >ct.ndjson
find raw/firehose -type f | sort |
    xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    >cw.ndjson
cat ct.ndjson cw.ndjson >all.ndjson
ids() { jq -r '.eventID // .id' | sort; }
same() {	# what, ll-filter ids, jq ids
	if cmp -s "$2" "$3" && [ -s "$2" ]; then
		echo "$1: same records as jq"
	else
		echo "$1: ll-filter $(wc -l <"$2"), jq $(wc -l <"$3")"
	fi
}
accts=$(jq -r '.accounts[0:2] | join(",")' raw/expected.json)
ll-filter -w '.eventName in StartSession,AssumeRole,AssumeRoleWithSAML' \
    -w ".recipientAccountId in $accts" all.ndjson >fast
ll-filter -p -w '.eventName in StartSession,AssumeRole,AssumeRoleWithSAML' \
    -w ".recipientAccountId in $accts" all.ndjson | cmp - fast &&
    echo "needle: --parse agrees"
ids <fast >a
jq -c --arg a "$accts" 'select((.eventName == "StartSession" or
    .eventName == "AssumeRole" or .eventName == "AssumeRoleWithSAML") and
    (.recipientAccountId as $r | $a | split(",") | index($r)))' all.ndjson |
    ids >b
same needle a b
ip=$(jq -r .example_session.source_ip raw/expected.json)
for n in "$ip" '> /tmp/df.txt' 'déploiement terminé ✓' '"Failed password"' \
    "$(printf 'name\tstatus')" 'Up 3 hours (healthy)'; do
	ll-filter -g "$n" all.ndjson | ids >a
	jq -c --arg n "$n" 'select([.. | strings | (., (fromjson? | .. |
	    strings))] | any(contains($n)))' all.ndjson | ids >b
	same "--grep '$n'" a b
done
printf 'allow account %s\nallow eventname StartSession\n' \
    "$(jq -r '.accounts[0]' raw/expected.json)" >ctl
printf 'deny loggroup /aws/lambda/*\n' >>ctl
ll-filter -c ctl all.ndjson | ids >a
jq -c --arg a "$(jq -r '.accounts[0]' raw/expected.json)" '
    select(((.recipientAccountId // .userIdentity.accountId // .owner) as $x |
    $x == null or $x == $a) and (.eventName == null or
    .eventName == "StartSession") and
    ((.logGroup // "") | startswith("/aws/lambda/") | not))' all.ndjson |
    ids >b
same controls a b
