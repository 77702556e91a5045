# Spill files go to --tmpdir, else $TMPDIR; a directory that cannot be
# written is an I/O error (exit 3) only when the join has to spill.
# No spill file is left behind, whether the join ends well or not.
. "$TOP/tests/ll-join/lib/sessions.sh"
mkdir t1 t2
ll-join -J full -k sessionid -b 0 -D t1 -S s1 left.ndjson right.ndjson >out1
echo "rc=$?"
TMPDIR=$PWD/t2 ll-join -J full -k sessionid -b 0 -S s2 left.ndjson \
    right.ndjson >out2
echo "rc=$?"
ll-join -J full -k sessionid left.ndjson right.ndjson | cmp - out1 &&
    cmp out1 out2 && echo same
jq '.spill_bytes > 0' s1 s2
ls -A t1 t2
ll-join -k sessionid -b 0 -D missing left.ndjson right.ndjson
echo "rc=$?"
# A write error while spilled leaves no spill file behind either.
mkdir t3
ll-join -k sessionid -b 0 -D t3 left.ndjson right.ndjson 2>/dev/null \
    >/dev/full
echo "rc=$?"
ls -A t3
ll-join -k sessionid -D missing left.ndjson right.ndjson | wc -l
echo "rc=$?"
