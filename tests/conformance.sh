#!/bin/sh
# Runs the tools against the real third-party samples in ../shared/corpus
# (or $LL_CORPUS) when present: JSONTestSuite's verdicts, and record counts
# and contents of real CloudTrail and CloudWatch files checked against jq.
# The project's own tests never depend on this corpus.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
corpus=${LL_CORPUS:-$top/../shared/corpus}
PATH="$top/bin:$PATH"
export LC_ALL=C
if [ ! -d "$corpus" ]; then
	echo "conformance: no corpus at $corpus; nothing to check"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

check() {	# name, got, want
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "not ok - $1: got '$2', want '$3'"
	fi
}

# JSONTestSuite: --single is a parser of one document; the stream mode may
# accept the four files STREAM-EXCEPTIONS.md lists.
suite=$corpus/jsontestsuite/test_parsing
exceptions=" n_structure_no_data.json n_single_space.json
 n_structure_double_array.json n_structure_object_with_trailing_garbage.json "
for f in "$suite"/*.json; do
	b=$(basename "$f")
	timeout 20 ll-splitjson --single "$f" >/dev/null 2>&1
	single=$?
	timeout 20 ll-splitjson "$f" >/dev/null 2>&1
	stream=$?
	case $b in
	y_*)	check "$b single" $single 0
		check "$b stream" $stream 0 ;;
	n_*)	check "$b single" $single 1
		if echo $exceptions | tr ' ' '\n' | grep -qx "$b"; then
			check "$b stream" $((stream <= 1)) 1
		else
			check "$b stream" $stream 1
		fi ;;
	i_*)	check "$b single (0 or 1, no crash)" $((single <= 1)) 1
		check "$b stream (0 or 1, no crash)" $((stream <= 1)) 1 ;;
	esac
done

# CloudTrail files with a Records array: same records as jq, same order.
for f in "$corpus"/flaws2-cloudtrail/*.json.gz \
    "$corpus"/trailscraper/*.json "$corpus"/trailscraper/*.json.gz \
    "$corpus"/grafana-lambda-promtail/cloudtrail-log-file.json.gz \
    "$corpus"/coralogix-aws-shipper/cloudtrail.log.gz \
    "$corpus"/otel-collector-contrib/cloudtraillog__cloudtrail_log.json; do
	[ -f "$f" ] || continue
	ll-splitjson -e Records "$f" | jq -cS . >"$work/got"
	zcat -f "$f" | jq -cS '.Records[]' >"$work/want"
	check "$(basename "$f") records" "$(cmp -s "$work/got" "$work/want" &&
	    wc -l <"$work/want")" "$(wc -l <"$work/want")"
done
check "flaws2 total records" "$(ll-splitjson -e Records \
    "$corpus"/flaws2-cloudtrail/*.json.gz | wc -l)" 37

# Bare records, one per line (Elastic, OTRF, Rust runtime fixtures).
for f in "$corpus"/elastic-integrations/*.log \
    "$corpus"/otrf-security-datasets/*.json \
    "$corpus"/aws-lambda-rust-runtime/*.json; do
	[ -f "$f" ] || continue
	ll-splitjson "$f" | jq -cS . >"$work/got"
	jq -cS . "$f" >"$work/want"
	check "$(basename "$f") documents" "$(cmp -s "$work/got" "$work/want" &&
	    wc -l <"$work/want")" "$(wc -l <"$work/want")"
done

# Decoded CloudWatch Logs documents: every logEvent becomes one line.
for f in "$corpus"/datadog-serverless-functions/*.json \
    "$corpus"/newrelic-aws-log-ingestion/*.json \
    "$corpus"/otel-collector-contrib/subscription-filter__*.json \
    "$corpus"/otel-collector-contrib/cloudtraillog__cloudtrail_log_cw.json \
    "$corpus"/otel-collector-contrib/cwlog__multiple_re*  \
    "$corpus"/otel-collector-contrib/cwlog__only_control; do
	[ -f "$f" ] || continue
	want=$(jq -n '[inputs | .logEvents | length] | add' "$f")
	got=$(ll-splitjson -e logEvents -k logGroup,logStream "$f" | wc -l)
	check "$(basename "$f") logEvents" "$got" "$want"
done
# An unrelated object between two DATA_MESSAGEs is rejected, not dropped.
f=$corpus/otel-collector-contrib/cwlog__some_invalid_records
if [ -f "$f" ]; then
	ll-splitjson -e logEvents -S "$work/st" "$f" >/dev/null 2>&1
	check "some_invalid_records exit" $? 1
	check "some_invalid_records rejected" \
	    "$(jq .reasons.no_array_at_path "$work/st")" 1
fi
# Lambda events hold base64 gzip payloads; concatenated they form a
# Firehose-like multi-member object.
f=$corpus/sumologic-aws-lambda/cwlfixtures.json
if [ -f "$f" ]; then
	jq -r '.[].awslogs.data' "$f" | while read -r d; do
		echo "$d" | base64 -d
	done >"$work/multi"
	check "sumologic logEvents" "$(ll-splitjson -e logEvents -p message \
	    -S "$work/st" "$work/multi" | wc -l)" 4954
	check "sumologic messages not JSON" \
	    "$(jq .reasons.parse_not_json "$work/st")" 4954
fi
f=$corpus/aws-lambda-go/cloudwatch-logs-event.json
if [ -f "$f" ]; then
	check "aws-lambda-go logEvents" "$(jq -r .awslogs.data "$f" |
	    base64 -d | ll-splitjson -e logEvents | jq -r .id | paste -sd,)" \
	    "eventId1,eventId2"
fi

# SigmaHQ's CloudTrail rules, read where they are: every rule is either
# supported or refused with a reason, and each supported rule matches
# the records written for it in fixtures/sigma/real/ID.ndjson that say
# "pos-..." and none that say "neg-..." (at least one of each).
rules=$corpus/sigma-cloudtrail
if [ -d "$rules" ]; then
	ll-sigma -K -y "$rules" >"$work/check" 2>/dev/null
	check "sigma rules read" "$(wc -l <"$work/check")" \
	    "$(ls "$rules"/*.yml | wc -l)"
	check "sigma refusals give a reason" "$(jq -r 'select(.status !=
	    "supported" and (.reason // "") == "") | .file' "$work/check")" ""
	jq -r 'select(.status == "supported") | [.file, .id] | @tsv' \
	    "$work/check" >"$work/supported"
	while IFS=$(printf '\t') read -r f id; do
		recs=$top/tests/fixtures/sigma/real/$id.ndjson
		if [ ! -f "$recs" ]; then
			check "$(basename "$f") has records" no yes
			continue
		fi
		ll-sigma -y "$f" "$recs" | jq -r ._case | sort >"$work/got"
		jq -r 'select(._case | startswith("pos")) | ._case' "$recs" |
		    sort >"$work/want"
		check "$(basename "$f") positives and negatives" \
		    "$(jq -r ._case "$recs" | cut -c1-3 | sort -u | paste -sd,)" \
		    "neg,pos"
		check "$(basename "$f") matches" "$(paste -sd, "$work/got")" \
		    "$(paste -sd, "$work/want")"
	done <"$work/supported"
fi

# A real digest's shape (Elastic's test sample, whose previous hash lost
# a digit): ll-verify reads it, refuses that hash, and with the digit
# back finds that the signing key was not given and the previous digest
# is not there.
f=$corpus/elastic-integrations/test-cloudtrail-digest-json.log
if [ -f "$f" ]; then
	k=$(jq -r .digestS3Object "$f")
	mkdir -p "$work/store/alice-bucket/$(dirname "$k")"
	gzip -n <"$f" >"$work/store/alice-bucket/$k"
	check "elastic digest, short hash" "$(ll-verify -q -s "$work/store" |
	    jq -r '[.type, .reason] | join(": ")')" \
	    "digest_invalid: previousDigestHashValue is not 64 hex digits"
	jq -c '.previousDigestHashValue += "0"' "$f" |
	    gzip -n >"$work/store/alice-bucket/$k"
	check "elastic digest" "$(ll-verify -q -s "$work/store" |
	    jq -r '[.type, .reason] | join(": ")')" \
	    "$(printf '%s\n%s' "digest_unverified: no public key with \
fingerprint 47aaa19f7eec22e9bd0b5e58cfade8cb in the key files" \
	    "digest_missing: named as the previous digest, and not in the store")"
	rm -rf "$work/store"
fi

echo "conformance: $pass passed, $fail failed"
[ $fail -eq 0 ]
