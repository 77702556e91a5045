# Disk full while ll-fetch -O stores objects (every failure reported:
# LL_MAX_WARNINGS=0 lifts the cap on repeated messages): a tmpfs of a few sizes
# fills at different points.  Each run must end with exit 3, report
# every object it could not store (on stderr and in the -F failures
# file, which is a listing to retry), leave no temporary file and no
# partial object (each stored object is byte for byte its source); a
# re-run of the whole listing with space stores the rest, and the
# store then equals an undisturbed run's: nothing lost, nothing twice.
mkdir m
if ! mount -t tmpfs -o size=1m tmpfs m 2>/dev/null; then
	echo "needs mount -t tmpfs (root)" >&2
	exit 77
fi
trap 'umount m 2>/dev/null' EXIT
. "$TOP/tests/lib/lake.sh"
sample src --days 1
ll-fetch -l -q src/cloudtrail src/firehose >listing.ndjson
total=$(wc -l <listing.ndjson)
ll-fetch -O -q -s ref listing.ndjson >/dev/null
echo "reference rc=$?"
(cd ref && find . -type f ! -path './.ll-fetch.tmp/*' -exec sha256sum {} + |
    sort -k2) >ref.sums
echo "$total objects, $(wc -l <ref.sums) stored"
for kb in 4 16 64 128 256 384 512; do
	umount m
	mount -t tmpfs -o size=${kb}k tmpfs m
	LL_MAX_WARNINGS=0 ll-fetch -O -q -s m/raw -F fail.ndjson listing.ndjson >manifest 2>err
	rc=$?
	stored=$(jq -r .status manifest | grep -c '^stored$')
	failed=$(jq -r .status manifest | grep -c '^failed$')
	enospc=$(grep -c 'No space left on device$' err)
	retry=$(wc -l <fail.ndjson)
	temps=$(find m/raw/.ll-fetch.tmp -type f 2>/dev/null | wc -l)
	bad=0
	for f in $(cd m/raw && find . -type f ! -path './.ll-fetch.tmp/*'); do
		cmp -s "m/raw/$f" "src/$f" || bad=$((bad + 1))
	done
	mount -o remount,size=16m m
	ll-fetch -O -q -s m/raw listing.ndjson >manifest2
	rerun=$?
	again=$(jq -r .status manifest2 | sort | uniq -c | sed 's/^ *//' |
	    tr '\n' ' ')
	if (cd m/raw && find . -type f ! -path './.ll-fetch.tmp/*' \
	    -exec sha256sum {} + | sort -k2) | cmp -s - ref.sums; then
		same=same
	else
		same=DIFFERENT
	fi
	# How many objects fit before the disk fills varies with the order
	# concurrent transfers finish in; what must hold does not.
	again=$(echo "$again" | sed 's/[0-9]* skipped-present [0-9]* stored/S skipped-present F stored/')
	echo "${kb}k: rc=$rc some-stored=$((stored > 0)) all-accounted=$((stored + failed == total))" \
	    "enospc=failed:$((enospc == failed)) retry=failed:$((retry == failed))" \
	    "temps=$temps partial=$bad | re-run rc=$rerun $again| $same store"
done
