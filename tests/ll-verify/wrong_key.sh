# A digest is only valid where CloudTrail put it: its key is part of
# what is signed.  One moved to another key (deleted where it was) is
# one finding, naming both keys; the digest that names it does not
# also report it missing, and the chain still verifies through it.  A
# copy at another key, the original kept, is one finding too.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 4 --key k1
d=$(digest T023649Z)
moved=$(echo "$d" | sed 's/T023649Z/T023650Z/')
cp -p "store/$B/$d" "store/$B/$moved"
sed "s|$d|$moved|" manifest.ndjson >m2
gone "$d"
cp m2 manifest.ndjson
ll-verify -q -s store -k keys.json -o obj manifest.ndjson >out
echo "rc=$?"
jq -c '{type, key: (.key | split("_") | .[5]), trail,
    expected: (.expected | split("_") | .[5]),
    found: (.found | split("_") | .[5]), reason}' out
jq -r 'select(.status != "validated") | [(.url | split("_") | .[3:] |
    join("_")), .status] | @tsv' obj
echo "== a copy in another account's folder"
rm -rf store manifest.ndjson
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 4 --key k1
d=$(digest T023649Z)
other=$(echo "$d" | sed 's/111122223333/444455556666/g')
mkdir -p "$(dirname "store/$B/$other")"
cp -p "store/$B/$d" "store/$B/$other"
# Fetched with its metadata (CopyObject keeps it), so signed.
grep -F "$d" manifest.ndjson | sed "s|$d|$other|g" >>manifest.ndjson
ll-verify -q -s store -k keys.json manifest.ndjson |
    jq -c '[.type, .account, (.expected | split("/") | .[4]),
    (.found | split("/") | .[4])]'
