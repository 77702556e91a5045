# No link planted in the store is followed (ll-fetch(1), FILES): a
# temporary folder, bucket folder, key folder or object name that is a
# symbolic link is refused with a message naming it and exit 3, and
# the files behind the link are neither written, nor removed.
cp -R "$FIXTURES/bucket" .
ll-fetch --list bucket >list
mkdir victim
echo keep >victim/precious
echo keep >victim/1-1
state() { (cd victim && find . | sort && cat precious 1-1); }
show() { sed "s|$PWD|PWD|" err >&2; }

echo "== the temporary folder is a link"
mkdir raw
ln -s ../victim raw/.ll-fetch.tmp
ll-fetch --get --store raw <list >man 2>err
echo "rc=$?"
show
wc -l <man
state
rm -r raw

echo "== the bucket folder is a link"
mkdir raw
ln -s ../victim raw/bucket
ll-fetch --get --store raw -F fail -S st <list >man 2>err
echo "rc=$?"
show
jq -r '[.status, .error] | @tsv' man | sort
jq -c '{stored, failed}' st
wc -l <fail
state
rm -r raw

echo "== a key folder is a link; the other objects are stored"
mkdir -p raw/bucket
ln -s ../../victim raw/bucket/AWSLogs
ll-fetch --get --store raw -F fail <list >man 2>err
echo "rc=$?"
show
jq -r '[.status, .error] | @tsv' man | sort
jq -r .key fail | sort
state
rm -r raw

echo "== an object's own name is a link"
f=2026/03/01/10/log-lake-sessions-1-2026-03-01-10-05-00-0f6e2d4c-1a2b-4c3d-8e9f-001122334455
mkdir -p "raw/bucket/${f%/*}"
ln -s "$PWD/victim/precious" "raw/bucket/$f"
ll-fetch --get --store raw <list >man 2>err
echo "rc=$?"
show
jq -r '[.status, .error] | @tsv' man | sort
state
