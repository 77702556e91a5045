# Every listed object ends in exactly one state, counted by objects and
# bytes in reconciliation.json and in the summary: processed, removed by
# the controls, already processed, without events (digests), of no
# known kind, refused key, conflict in the store, failed download,
# damaged.  Objects of no known kind, refused or in conflict are not
# remembered as processed: the next run lists them again, in the same
# state, while the download that failed is retried and succeeds.
. "$TOP/tests/lib/lake.sh"
sample src
a=src/cloudtrail/AWSLogs/945087558021
ct=$a/CloudTrail/eu-west-1/2026/03/01
find "$a" -path '*/CloudTrail/*' -name '*.json.gz' | sort | sed -n 1,5p >names
name() { sed -n "$1p" names; }
victim=$(name 5)
cp "$victim" saved
# Of no known kind, in day folders where the listing finds them.
echo notes >"$ct/notes.txt"
echo readme >src/firehose/2026/03/01/10/readme.txt
# Refused keys: a CloudTrail file name holding a tab (refused by the
# download), and a name that is not UTF-8 (refused by the listing).
cp "$(name 1)" "$ct/945087558021_CloudTrail_eu-west-1_20260301T2359Z_a	b.json.gz"
echo x >"$ct/$(printf 'not\377utf8.json.gz')"
# Damaged: two files cut short.
for n in 2 3; do
	f=$(name $n)
	head -c 200 "$f" >cut && mv cut "$f"
done
# In conflict: the store already holds another object under one's name.
f=$(name 4)
mkdir -p "lake/raw/cloudtrail/$(dirname "${f#src/cloudtrail/}")"
echo other >"lake/raw/cloudtrail/${f#src/cloudtrail/}"
# A failed download: the object goes away between listing and download.
installed inst
rm inst/ll-fetch
cat >inst/ll-fetch <<'S'
#!/bin/sh
case "$*" in *--get*todo.cloudtrail*) rm -f "$VICTIM" ;; esac
exec "$TOP/bin/ll-fetch" "$@"
S
chmod +x inst/ll-fetch
echo 'deny account 393970699565' >controls
run() {	# [victim]
	VICTIM=${1:-} LL_PIPELINE=inst/ll-pipeline pipeline -c controls \
	    -D lake src/cloudtrail src/firehose 2>err
	echo "rc=$?"
	rec=lake/state/last-run/reconciliation.json
	jq -c '.objects | {listed, due, states: ([.states[].objects] | add)}' \
	    "$rec"
	jq -r '.objects.states | to_entries[] | "\(.key) \(.value.objects)"' "$rec"
	jq -c '.objects.kinds | map_values(map_values(.objects))' "$rec"
	jq -c '{shares, share, ok}' "$rec"
	# One state an object: as many lines as objects listed (but the one
	# whose key JSON cannot hold), no URL twice.
	echo "objects.ndjson: $(wc -l <lake/state/last-run/objects.ndjson) lines," \
	    "$(jq -r .url lake/state/last-run/objects.ndjson | sort -u | wc -l) URLs"
	grep '^  ' err | sed 's/([0-9]* bytes)/(B bytes)/'
}
run "$victim"
# Remembered: processed, damaged, digests and what the controls removed
# is not; never an object of no known kind, refused or in conflict.
jq -r '.kind' lake/state/processed.ndjson | sort | uniq -c
grep -c -e notes.txt -e readme.txt -e 'T2359Z_a' lake/state/processed.ndjson
echo "== the next run"
cp saved "$victim"
run
