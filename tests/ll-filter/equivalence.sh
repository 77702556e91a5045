# Nothing short of a full parse decides a test: a value present only in
# another field, in a nested object, as a key, or spelt with escapes
# (Start\u0053ession, a key written event\u004eame, \u00e9 for é, \/),
# repeated keys (the last wins) and prefixes of the value all give
# what jq and ll-filter --parse give.
cat >in <<'J'
{"id":1,"eventName":"StartSession"}
{"id":2,"eventName":"Start\u0053ession"}
{"id":3,"event\u004eame":"StartSession"}
{"id":4,"note":"StartSession","eventName":"Other"}
{"id":5,"x":{"eventName":"StartSession"}}
{"id":6,"StartSession":"eventName"}
{"id":7,"eventName":"StartSession","eventName":"Other"}
{"id":8,"eventName":"Other","eventName":"StartSession"}
{"id":9,"eventName":"StartSessions"}
{"id":10,"eventName":"xStartSession"}
{"id":11,"eventName":["StartSession"]}
{"id":12,"eventName":{"StartSession":1}}
{"id":13,"eventName":"caf\u00e9"}
{"id":14,"eventName":"café"}
{"id":15,"eventName":"a\/b"}
{"id":16,"eventName":"a/b"}
{"id":17,"eventName":"\u0053tartSession","userIdentity":{"accountId":"1"}}
{"id":18,"userIdentity":{"accountId":"1"},"userIdentity":{"type":"Root"}}
{"id":19,"userIdentity":{"accountId":"2"},"userIdentity":{"accountId":"1"}}
{"id":20,"eventName":"StartSession\u0000"}
{"id":21,"\"eventName\"":"StartSession"}
J
check() {	# ll-filter test, jq condition
	a=$(ll-filter -w "$1" in | jq -r .id | tr '\n' ' ')
	b=$(ll-filter -p -w "$1" in | jq -r .id | tr '\n' ' ')
	c=$(jq -r "select($2) | .id" in | tr '\n' ' ')
	echo "$1: $a"
	[ "$a" = "$b" ] || echo "  --parse gives $b"
	[ "$a" = "$c" ] || echo "  jq gives $c"
}
check '.eventName = StartSession' '.eventName == "StartSession"'
check '.eventName in StartSession,Other' \
    '.eventName == "StartSession" or .eventName == "Other"'
check '.eventName = café' '.eventName == "café"'
check '.eventName = a/b' '.eventName == "a/b"'
check '.eventName ^= Start' \
    '(.eventName | type) == "string" and (.eventName | startswith("Start"))'
check '.eventName != StartSession' '.eventName != "StartSession"'
check '.userIdentity.accountId = 1' '.userIdentity.accountId == "1"'
check '."\"eventName\"" = StartSession' '.["\"eventName\""] == "StartSession"'
check '.eventName exists' 'has("eventName")'
