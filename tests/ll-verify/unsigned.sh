# A digest's signature is S3 metadata, not in the file.  ll-fetch keeps
# it in the manifest; older digests get theirs from the next digest's
# previousDigestSignature.  The newest digest without a manifest
# signature cannot be verified: said, and its log files are not
# covered.  Without any manifest, only the chain carries signatures;
# a manifest signature that does not verify while the chain's does is
# reported (the object's metadata was changed).
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 3 --key k1 --no-sign-newest
ll-verify -q -s store -k keys.json -S st manifest.ndjson | show
jq -c '{digests_validated, digests_not_covered, log_files_not_covered, exit}' st
echo "== no manifest"
ll-verify -q -s store -k keys.json -S st | jq -c '[.type, (.key | split("_") | .[5])]'
jq -c '{digests_validated, digests_not_covered, log_files_validated, exit}' st
echo "== a manifest signature that does not verify"
d=$(digest T013649Z)
jq -c --arg u "s3://$B/$d" 'if .url == $u then .signature |= ("00" + .[2:]) else . end' \
    manifest.ndjson >m2
ll-verify -q -s store -k keys.json m2 | jq -c '[.type, (.key | split("_") | .[5]), .reason]'
