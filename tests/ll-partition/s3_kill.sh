# A run killed while it uploads leaves no partial object on S3 (a PUT
# is whole or absent), and the next run converges: the files left in
# the stage are uploaded, and the lake is the one a run that was never
# killed makes, every data file beside its sidecar.  A partition the
# killed run reported had all its files on S3 already.
. "$TOP/tests/lib/moto.sh"
moto_start
seed mb lake
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-800 \
    2026-03-02:1-800 2026-03-03:1-800 >in
# The uploads of the third day's data files never get an answer (the
# proxy holds them): the run is killed while it waits.
echo 'calendarday%3D2026-03-03/part- hang always' >plan
proxy_start --plan plan --stall 60 --log proxy.log
AWS_ENDPOINT_URL=$PROXY_URL ll-partition -u -T cloudtrail -s 4K -j 2 \
    -o s3://lake/ll/ -D stage in >recs 2>/dev/null &
pid=$!
for _ in $(seq 600); do
	grep -q ' hang$' proxy.log 2>/dev/null && break
	sleep 0.05
done
kill -9 $pid
wait $pid 2>/dev/null
n=$(seed ls lake ll/ | grep -c 'part-.*parquet')
total=$(ll-partition -T cloudtrail -s 4K -o ref in | jq -s 'map(.files) | add')
[ "$n" -ge 1 ] && [ "$n" -lt "$total" ] && echo "killed part way"
seed ls lake ll/ >at-kill
jq -r '"\(.location) \(.files)"' recs | while read -r loc files; do
	n=$(grep -c "^${loc#s3://lake/}part-.*parquet" at-kill)
	[ "$n" -eq "$files" ] || echo "reported $loc with $n of $files files"
done
export AWS_ENDPOINT_URL=$MOTO_URL
# -A: every day, whether or not the killed run had finished it.
ll-partition -A -T cloudtrail -s 4K -o s3://lake/ll/ -D stage -S st in >recs
echo "rc=$?"
jq -r .partition.calendarday recs
ll-partition -T cloudtrail -s 4K -o s3://lake/ref/ -D stage-ref in >/dev/null
seed ls lake ll/ | sed 's:^ll/::' >a
seed ls lake ref/ | sed 's:^ref/::' >b
cmp a b && echo "same objects as a run never killed"
echo "data files: $(grep -c 'part-.*parquet' a) of $total"
sed -n 's:.*/\.part-\([0-9a-f]*\)\.keys .*:\1:p' a >k
sed -n 's:.*/part-\([0-9a-f]*\)\.parquet .*:\1:p' a | cmp - k &&
    echo "each beside its sidecar"
echo "incomplete uploads: $(seed uploads lake | wc -l)"
find stage -name 'part-*' | wc -l
