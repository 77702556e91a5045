# Disk full while ll-partition writes: a tmpfs of a few sizes fills at
# different points (inside a file, at a commit, at a key index).  Each
# run must end with exit 3 and the device named, leave no temporary
# file behind and no partial file visible (every part-*.json.gz is a
# whole gzip file; JSON lines, so that rows compare without DuckDB,
# and Parquet goes through the same atomic files); a re-run with space
# over the same tree must give the same rows as an undisturbed run:
# none lost, none twice.
. "$TOP/tests/lib/lake.sh"
mkdir m
if ! mount -t tmpfs -o size=1m tmpfs m 2>/dev/null; then
	echo "needs mount -t tmpfs (root)" >&2
	exit 77
fi
trap 'umount m 2>/dev/null' EXIT
sample src --days 2
(cd src && find cloudtrail -name '*_CloudTrail_*.json.gz' | sort |
    xargs ll-splitjson -e Records -s source_object) >in.ndjson
ll-partition -F -f json -T cloudtrail -o ref in.ndjson >/dev/null
echo "reference rc=$?"
lake_digest ref >ref.digest
cat ref.digest
for kb in 4 24 64 100 140 164 172 180 188; do
	umount m
	mount -t tmpfs -o size=${kb}k tmpfs m
	ll-partition -F -f json -T cloudtrail -o m/lake in.ndjson \
	    >/dev/null 2>err
	rc=$?
	msg=$(sed -e 's/calendarday=[0-9-]*/calendarday=D/' \
	    -e 's/\.part-[0-9a-f]*\.keys/.part-K.keys/' \
	    -e 's/part-[0-9a-f]*\.json\.gz/part-P.json.gz/' err |
	    sort -u | tr '\n' ' ')
	temps=$(find m -name '*.tmp*' | wc -l)
	partial=0
	for f in $(find m -name 'part-*.json.gz'); do
		gzip -t "$f" 2>/dev/null || partial=$((partial + 1))
	done
	mount -o remount,size=16m m
	ll-partition -F -f json -T cloudtrail -o m/lake in.ndjson >/dev/null
	rerun=$?
	if lake_digest m/lake | cmp -s - ref.digest; then same=same
	else same=DIFFERENT; fi
	echo "${kb}k: rc=$rc temps=$temps partial=$partial $msg|" \
	    "re-run rc=$rerun, $same rows"
done
