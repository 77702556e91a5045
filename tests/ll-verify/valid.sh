# A trail whose digests and log files are all as CloudTrail delivered
# them: every digest's signature verifies (the key pair is made here,
# the digests are signed as CloudTrail signs them), every log file
# matches its digest, the cadence has no hole.  No finding, exit 0,
# and --objects says validated for each of the 18 objects; an object
# of another kind is not covered.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 6 --files 2 --key k1
mkdir -p store/$B/notes && echo hello >store/$B/notes/readme.txt
ll-verify -s store -k keys.json -o objects.ndjson -S stats.json \
    manifest.ndjson
echo "rc=$?"
jq -r '[.kind, .status] | @tsv' objects.ndjson | sort | uniq -c
jq -c 'select(.kind == "cloudtrail") | .digest | split("_") | .[5]' \
    objects.ndjson | sort | uniq -c
# The objects' SHA-256 are those of the manifest.
jq -r 'select(.sha256) | [.url, .sha256] | @tsv' objects.ndjson | sort >a
jq -r '[.url, .sha256] | @tsv' manifest.ndjson | sort >b
cmp a b && echo "objects match the manifest"
jq -c '{digests_validated, log_files_validated, other_objects,
    objects_validated, objects_invalid, objects_not_covered, findings,
    public_keys, exit}' stats.json
