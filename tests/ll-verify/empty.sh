# An empty store and an empty manifest: nothing to check, nothing
# wrong.  A store holding no CloudTrail object: its objects are not
# covered, which is no finding.
mkdir store
: >empty.ndjson
ll-verify -s store -o obj empty.ndjson
echo "rc=$?"
wc -c <obj
mkdir -p store/fh/2026/03/01/10
echo '{}' >store/fh/2026/03/01/10/log-lake-sessions-1-2026-03-01-10-05-00-x
ll-verify -s store -o obj </dev/null
echo "rc=$?"
jq -c . obj
