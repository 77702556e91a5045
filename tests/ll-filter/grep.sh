# --grep finds fixed text anywhere in a record, and no JSON escape hides
# it: \" \\ \/ and \u00e9 are looked through, and so is the second level
# of escaping of JSON held in a JSON string (Session Manager and
# CloudWatch messages).  -i ignores ASCII case; -g given twice is "or".
# It is fixed text: 10.0.0.1 is also found in 10.0.0.11.
cat >in <<'J'
{"k":1,"a":"plain 10.0.0.1 here"}
{"k":2,"a":"quote \"x\" and back\\slash and a\/b"}
{"k":3,"a":"caf\u00e9 \u0041BC \ud83d\ude00"}
{"k":4,"message":"{\"cmd\":\"echo \\u003cb\\u003e \\\"q\\\"\",\"ip\":\"10.0.0.2\"}"}
{"k":5,"a":"nothing to see","ip":"10.0.0.11"}
{"k":6,"k\u0065y":"v"}
{"k":7,"a":"CAFÉ ABC"}
J
for g in 10.0.0.1 '"x"' 'back\slash' 'a/b' 'café' 'ABC' 'abc' '😀' '<b>' \
    '"q"' '10.0.0.2' 'key' '\"x\"' '"k":' 'k\u0065y'; do
	printf '%-12s %s\n' "$g" "$(ll-filter -g "$g" in | jq -r .k |
	    tr '\n' ' ')"
done
echo "-i abc: $(ll-filter -i -g abc in | jq -r .k | tr '\n' ' ')"
echo "-i café: $(ll-filter -i -g café in | jq -r .k | tr '\n' ' ')"
echo "two: $(ll-filter -g 10.0.0.2 -g 'a/b' in | jq -r .k | tr '\n' ' ')"
echo "and -w: $(ll-filter -g 10.0.0.1 -w '.ip exists' in | jq -r .k)"
ll-filter -p -g '<b>' in | jq -r .k
ll-filter -g 10.0.0.1 -g '<b>' -S stats.json in >/dev/null
jq -c .removed stats.json
