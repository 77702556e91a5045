# The event-name index only skips rules that cannot match: rules whose
# condition negates, ors with an unguarded part, or tests eventName
# with a modifier are evaluated on every record, and the lookup
# ignores case like the tests it stands for.
mkdir rules
rule() {	# NAME CONDITION: the standard head, the detection from stdin
	{
		printf 'title: %s\nid: %s\nlogsource:\n' "$1" "$1"
		printf '    product: aws\n    service: cloudtrail\n'
		printf 'detection:\n'
		cat
		printf '    condition: %s\n' "$2"
	} >rules/"$1".yml
}
rule negated 'not sel' <<'X'
    sel:
        eventName: GetObject
X
rule or_unguarded 'sel or agent' <<'X'
    sel:
        eventName: CreateUser
    agent:
        userAgent|contains: curl
X
rule modifier 'sel' <<'X'
    sel:
        eventName|endswith: User
X
rule guarded_source 'sel and not name' <<'X'
    sel:
        eventSource: IAM.amazonaws.com
    name:
        eventName: DeleteUser
X
rule guarded_both 'a or b' <<'X'
    a:
        eventName: CreateUser
    b:
        eventName: DeleteUser
        errorCode: null
X
printf '%s\n' \
    '{"eventSource":"s3.amazonaws.com","eventName":"GetObject","userAgent":"curl/8"}' \
    '{"eventSource":"iam.amazonaws.com","eventName":"createuser"}' \
    '{"eventSource":"iam.amazonaws.com","eventName":"DeleteUser"}' \
    '{"eventSource":"iam.amazonaws.com","eventName":"DeleteUser","errorCode":"X"}' \
    '{"eventSource":"iam.amazonaws.com","eventName":["GetObject","TagUser"]}' \
    '{"userAgent":"aws-cli"}' >in
ll-sigma -y rules in | jq -c '[.eventName, (.sigma | map(.id))]'
