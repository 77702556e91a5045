# A late batch adds to the day partition that exists already, without
# the duplicates it brings, and opens a new day; a re-run of that batch
# adds nothing and reports no partition.
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-50 2026-03-02:51-80 >b1
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:45-60 2026-03-03:81-90 \
    2026-03-02:80-80 >b2
ll-partition -t cloudtrail -o out b1
echo "rc=$?"
ll-partition -t cloudtrail -o out -S stats.json b2
echo "rc=$?"
jq -c '{records_in,reasons,rows_written}' stats.json
ll-partition -t cloudtrail -o out -S stats.json b2
echo "rc=$?"
jq -c '{records_in,reasons,rows_written}' stats.json
for d in out/cloudtrail/*/; do
	zcat "$d"part-*.json.gz | jq -r .eventid >ids
	echo "$d: $(ls "$d" | grep -c '^part-') files," \
	    "$(sort -u ids | wc -l) distinct ids in $(wc -l <ids) rows"
done
