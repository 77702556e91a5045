# --cat exit status: an object that cannot be had is reported and put in
# the --failures file; with others written the run is a partial failure
# (1), with none a total one (4).  An empty object is written as
# nothing, not skipped as a failure.
mkdir -p src
printf 'one\n' >src/a
printf 'three\n' >src/c
: >src/empty
ll-fetch --list src >list
printf 'two\n' >src/b
ll-fetch --list src >list.b
rm src/b
grep '"src/b"\|/b"' list.b >>list
ll-fetch --cat -F failed -S stats list >out 2>err
echo "rc=$?"
cat out
sed "s|$PWD|.|; s/:[0-9]*: /:N: /" err
jq -r .key failed
jq -c '{records_out, written, failed, exit}' stats
ll-fetch --cat -F failed2 failed >out2 2>/dev/null
echo "only the missing one: rc=$? bytes=$(wc -c <out2)"
