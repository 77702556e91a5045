# --get stores objects write-once under STORE/BUCKET/KEY, read-only,
# with one manifest record each; a re-run skips what is present, and
# a different object under a stored name is a conflict, never written.
cp -R "$FIXTURES/bucket" .
ll-fetch --list bucket >list
ll-fetch --get --store raw --stats st <list >man
echo "rc=$?"
jq -c '[.status, .path, .bytes, .etag, .sha256, .error]' man | sort
jq -c '{records_in, rejected, stored, exit}' st
(cd raw && find . | sort && find bucket -type f -perm 0444 | wc -l)
(cd bucket && find . -type f -exec sha256sum {} + | sort -k2) >want
(cd raw/bucket && find . -type f -exec sha256sum {} + | sort -k2) >got
cmp want got && echo "store matches the source"
echo "== again"
ll-fetch --get --store raw <list >man
echo "rc=$?"
jq -r .status man | sort | uniq -c
echo "== a changed source object"
f=bucket/2026/03/01/10/log-lake-sessions-1-2026-03-01-10-05-00-0f6e2d4c-1a2b-4c3d-8e9f-001122334455
echo more >>"$f"
ll-fetch --list bucket | ll-fetch --get --store raw -r rej >man 2>err
echo "rc=$?"
sed "s|$PWD|PWD|" err >&2
jq -r '[.status, .error] | @tsv' man | sort
wc -l <rej
cmp -s "$f" "raw/$f" || echo "stored copy kept"
ls -A raw/.ll-fetch.tmp | wc -l
