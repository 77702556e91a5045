# A run killed in the middle leaves only whole objects in the store;
# the next run converges to the same store as an uninterrupted run.
. "$TOP/tests/lib/moto.sh"
moto_start
seed many kill-bucket "k/o" 300
ll-fetch --list s3://kill-bucket/ >list
proxy_start --delay 0.02
AWS_ENDPOINT_URL=$PROXY_URL ll-fetch --get --store raw --jobs 4 <list \
    >/dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do
	n=$(find raw/kill-bucket -type f 2>/dev/null | wc -l)
	[ "$n" -ge 60 ] && break
	sleep 0.02
done
kill -9 $pid
wait $pid 2>/dev/null
n=$(find raw/kill-bucket -type f | wc -l)
[ "$n" -ge 60 ] && [ "$n" -lt 300 ] && echo "killed part way"
for f in raw/kill-bucket/k/*; do
	i=$(echo "${f##*/o}" | sed 's/^0*//')
	[ "$(cat "$f")" = "object ${i:-0}" ] || echo "partial: $f"
done | head
ll-fetch --get --store raw <list >man
echo "rc=$?"
[ "$(grep -c '"skipped-present"' man)" -eq "$n" ] && echo "present: as many as were stored"
jq -r .status man | sort | uniq -c | awk '{ print $2 }'
ll-fetch --get --store ref <list >/dev/null
(cd raw && find . | sort && find . -type f -exec sha256sum {} + | sort) >a
(cd ref && find . | sort && find . -type f -exec sha256sum {} + | sort) >b
cmp a b && echo "same store as an uninterrupted run"
