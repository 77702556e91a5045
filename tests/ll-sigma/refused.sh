# Rules the evaluator cannot run exactly are refused, each with its
# file, the line at fault and the reason, never half-used: --check
# gives every rule's verdict and exits 1; a run evaluates the rules it
# can and exits 1.
mkdir rules
rule() {	# NAME: the standard head, then the body from stdin
	{
		printf 'title: %s\nid: %s\nlogsource:\n' "$1" "$1"
		printf '    product: aws\n    service: cloudtrail\n'
		cat
	} >rules/"$1".yml
}
rule a_good <<'X'
detection:
    selection:
        eventName: CreateUser
    condition: selection
X
rule aggregation <<'X'
detection:
    selection:
        eventName: ConsoleLogin
    condition: selection | count() by sourceIPAddress > 10
X
rule base64 <<'X'
detection:
    selection:
        requestParameters.userData|base64offset|contains: 'curl'
    condition: selection
X
rule unknown_modifier <<'X'
detection:
    selection:
        eventName|sounds_like: CreateUser
    condition: selection
X
rule near <<'X'
detection:
    a:
        eventName: A
    b:
        eventName: B
    condition: a near b
X
rule two_of <<'X'
detection:
    sel_a:
        eventName: A
    sel_b:
        eventName: B
    condition: 2 of sel_*
X
rule timeframe <<'X'
detection:
    selection:
        eventName: ConsoleLogin
    timeframe: 5m
    condition: selection
X
rule unknown_ident <<'X'
detection:
    selection:
        eventName: CreateUser
    condition: selection and not filter
X
rule no_match_pattern <<'X'
detection:
    selection:
        eventName: CreateUser
    condition: 1 of filter_*
X
rule nested_map <<'X'
detection:
    selection:
        userIdentity:
            type: Root
    condition: selection
X
rule keyword_modifier <<'X'
detection:
    keywords:
        '|re': 'evil.*'
    condition: keywords
X
rule bad_re <<'X'
detection:
    selection:
        userAgent|re: 'curl/(7'
    condition: selection
X
rule bad_cidr <<'X'
detection:
    selection:
        sourceIPAddress|cidr: 10.0.0.0/33
    condition: selection
X
rule exists_string <<'X'
detection:
    selection:
        errorCode|exists: 'yes'
    condition: selection
X
rule two_shapes <<'X'
detection:
    selection:
        eventName|contains|startswith: Create
    condition: selection
X
rule syntax <<'X'
detection:
    selection:
        eventName: CreateUser
    condition: selection and (
X
rule no_condition <<'X'
detection:
    selection:
        eventName: CreateUser
X
rule duplicate_key <<'X'
detection:
    selection:
        eventName: CreateUser
    selection:
        eventName: DeleteUser
    condition: selection
X
printf 'title: windows\nlogsource:\n    product: windows\n    service: security\ndetection:\n    s:\n        EventID: 4625\n    condition: s\n' >rules/logsource.yml
printf 'title: correlation\ncorrelation:\n    type: event_count\n    rules: [a_good]\n' >rules/correlation.yml
printf 'action: global\ntitle: collection\n---\nlogsource:\n    product: aws\n' >rules/collection.yml
printf 'title: broken\ndetection: [\n' >rules/yaml_error.yml
printf '# nothing but a comment\n' >rules/empty.yml
printf 'id: a_good\ntitle: the same id again\nlogsource:\n    product: aws\n    service: cloudtrail\ndetection:\n    s:\n        eventName: X\n    condition: s\n' >rules/zz_duplicate_id.yml
printf 'logsource:\n    product: aws\n    service: cloudtrail\ndetection:\n    s:\n        eventName: X\n    condition: s\n' >rules/zz_no_title.yml

ll-sigma -K -y rules >check.ndjson
echo "check rc=$?"
jq -r '[.file, .line, .status, .reason // "-"] | @tsv' check.ndjson
printf '{"eventName":"CreateUser"}\n{"eventName":"ConsoleLogin"}\n' |
    ll-sigma -y rules -S stats.json 2>/dev/null
echo "run rc=$?"
jq -c '{records_in, records_out, rules, rules_refused, matches}' stats.json
