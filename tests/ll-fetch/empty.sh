# Empty input: nothing to do, exit 0; an empty directory lists nothing.
: >in
ll-fetch --get --store raw in
echo "rc=$?"
ll-fetch --cat <in
echo "rc=$?"
mkdir src
ll-fetch --list src
echo "rc=$?"
ls -A raw
