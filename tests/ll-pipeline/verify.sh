# ll-pipeline -k: each run also fetches the CloudTrail digests, keeps
# the store's manifest (state/manifest.ndjson), validates the window
# with ll-verify and keeps every object's status (state/verified.ndjson);
# the reconciliation counts the objects validated, invalid and not
# covered, and a finding makes the run NOT OK.  A readready row's
# source_object leads to its object's status, to the digest that
# vouches for it, and to its manifest record, whose SHA-256 is that of
# the stored file.  One log file was changed in S3: its rows are there,
# its status is invalid.  The trail is delivered in two runs: a log
# file newer than the first run's newest digest is not covered, then
# validated by the second run's digests.  -k first given to a lake
# built without it: the digests are fetched then, and the store's
# manifest begins with the earlier runs' manifests.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/verify.sh"
moto_start
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 6 --key k1
rewrite "$(logfile 0156Z)" 'd.replace(b"DescribeInstances", b"DeleteTrail")'
# Upload the objects named before (or after) 05:00, digests with their
# signatures as S3 metadata.
upload() {	# jq condition on the HHMM of the name
	jq -c --arg s "$PWD/store/$B/" '(.url | ltrimstr("s3://'$B'/")) as $k
	    | select($k | capture("T(?<t>[0-9]{4})") | .t | '"$1"')
	    | {key: $k, file: ($s + $k)}
	    + if .signature then {metadata: {signature: .signature,
	    "signature-algorithm": .signature_algorithm}} else {} end' \
	    manifest.ndjson | seed put $B
}
export AWS_ENDPOINT_URL="$MOTO_URL" AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
upload '. < "0500"' >/dev/null
run() {
	# A run that is not ok prints its summary: the first line of it.
	ll-pipeline -q -f 2026-03-01 -t 2026-03-01 -D lk -k keys.json \
	    s3://$B/AWSLogs/ 2>err
	echo "rc=$?"
	sed -n '1s/run [0-9TZ-]*:/run RUN:/p' err
	jq -c '[.ok, .objects.failed, .verification]' \
	    lk/state/last-run/reconciliation.json
	jq -r .summary lk/state/last-run/reconciliation.json | tail -n1
	show lk/state/last-run/findings.ndjson
}
run
# Each row's source_object, its status, the digest that vouches for it,
# whether the manifest's SHA-256 is the stored file's and the status
# record's too.
rows() {
	node "$TOP/tests/duckdb/sql.mjs" -- "SELECT source_object, eventname,
	    count(*) FROM read_parquet('lk/lake/cloudtrail/*/*.parquet')
	    GROUP BY ALL ORDER BY 1" | jq -r '@tsv' |
	while IFS=$(printf '\t') read -r o name n; do
		sha=$(sha256sum "lk/raw/$o" | cut -d' ' -f1)
		jq -rn --arg o "s3://$o" --arg sha "$sha" --arg name "$name" \
		    --arg n "$n" --slurpfile m lk/state/manifest.ndjson \
		    --slurpfile v lk/state/verified.ndjson '
		    ($m | map(select(.url == $o)) | .[0]) as $m
		    | ($v | map(select(.url == $o)) | .[0]) as $v
		    | [($o | split("_") | .[3]), $name, $n, $v.status,
		    ($v.digest // "-" | split("_") | .[5]),
		    ($m.sha256 == $sha), ($v.sha256 == $sha)] | @tsv'
	done
}
rows
jq -r '.status' lk/state/verified.ndjson | sort | uniq -c
echo "== the rest of the trail, in a second run"
upload '. >= "0500"' >/dev/null
run
rows | grep -e T0156Z -e T0456Z -e T0616Z
jq -r '[.kind, .status] | @tsv' lk/state/verified.ndjson | sort | uniq -c
wc -l <lk/state/manifest.ndjson
jq -c '.signature != null' lk/state/manifest.ndjson | sort | uniq -c
echo "== -k first given after a run without it"
# The digests that run left unfetched are fetched now, and the store's
# manifest begins with that run's records.
ll-pipeline -q -f 2026-03-01 -t 2026-03-01 -D lk2 s3://$B/AWSLogs/
echo "rc=$?"
find lk2/raw -name '*Digest*' | wc -l
ll-pipeline -q -f 2026-03-01 -t 2026-03-01 -D lk2 -k keys.json \
    s3://$B/AWSLogs/ 2>err
echo "rc=$?"
sed -n '1s/run [0-9TZ-]*:/run RUN:/p' err
jq -c '[.objects.new, .verification.digests_fetched,
    .verification.validated, .verification.invalid]' \
    lk2/state/last-run/reconciliation.json
jq -r '[(.url | split("_") | .[1]), .sha256 != null, .signature != null]
    | @tsv' lk2/state/manifest.ndjson | sort | uniq -c
