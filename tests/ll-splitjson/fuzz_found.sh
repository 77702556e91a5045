# Inputs the fuzzers found (tests/fuzz/corpus/split/crash-*), scaled to the
# tool's real buffer sizes.
# --parse on a document that is not an object used to end the run (exit 3).
printf '""' | ll-splitjson -s src -p .a.message -1 -M 64
echo "rc=$?"
# A record over --max-record-bytes that fits in the read buffer used to
# be written; a key cut off by the limit was read from freed bytes.
{ printf '{"'; head -c 3000000 /dev/zero | tr '\0' k; printf '":1}\n{"a":1}\n'; } >bigkey
ll-splitjson -M 64 bigkey
echo "rc=$?"
cat bigkey | ll-splitjson -M 64 -S stats.json 2>err
echo "rc=$?"
# Where a pipe's reads end, and so where the limit is noticed, varies.
sed 's/byte [0-9]*/byte N/' err
jq -c .reasons stats.json
# --single: the quarantined copy of an invalid document held only the
# part that was buffered, not the rest of the input.
{ printf 'x'; head -c 1000000 /dev/zero | tr '\0' a; } >notjson
cat notjson | ll-splitjson -1 -r rej
echo "rc=$?"
head -c -1 rej | cmp - notjson && echo "all quarantined"
