# A write that fails is an I/O error: exit 3, whatever the format.
. "$TOP/tests/lib/timeline.sh"
mklake .
for o in ndjson csv table; do
	ll-timeline -D lake -o $o >/dev/full
	echo "$o rc=$?"
done
