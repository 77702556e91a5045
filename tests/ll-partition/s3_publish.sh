# A lake on S3: files are built in the stage, then uploaded with their
# key sidecars, every request signed and every body checked against its
# digests (tests/lib/faultproxy.py --verify); the partition records name
# the S3 locations.  A second run adds nothing; a run whose stage is
# lost takes the sidecars back from S3 and adds nothing either; DuckDB
# reads the objects back (downloaded with ll-fetch) with exact counts.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/duckdb.sh"
moto_start
seed mb lake
proxy_start --verify test:test --log proxy.log
export AWS_ENDPOINT_URL=$PROXY_URL
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-500 \
    2026-03-02:1-300 2026-03-01:400-600 >in
ll-partition -T cloudtrail -o s3://lake/ll/ -D stage -S st in >recs
echo "rc=$?"
cat recs
jq -c '{files_written,rows_written,files_uploaded,files_present}' st
seed ls lake | sed 's/[0-9a-f]\{20\}/HASH/'
(cd stage && find . | sort | sed 's/[0-9a-f]\{20\}/HASH/')
seed ls lake >before
echo "== again"
ll-partition -T cloudtrail -o s3://lake/ll/ -D stage -S st in
echo "rc=$?"
jq -c '{duplicate: .reasons.duplicate, files_written, files_uploaded}' st
seed ls lake | cmp - before && echo "lake unchanged"
echo "== stage lost, more rows"
rm -rf stage
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-02:250-350 >more
ll-partition -T cloudtrail -o s3://lake/ll/ -D stage -S st more
echo "rc=$?"
jq -c '{duplicate: .reasons.duplicate, sidecars_fetched, rows_written}' st
echo "== read back"
ll-fetch -l s3://lake/ll/ >list
ll-fetch -O -s dl -q <list >/dev/null
echo "rc=$?"
q "SELECT calendarday, count(*), count(DISTINCT eventid) FROM
    read_parquet('dl/lake/ll/cloudtrail/*/*.parquet', hive_partitioning = true)
    GROUP BY ALL ORDER BY ALL"
echo "refused by the proxy: $(grep -c ' 40[03] ' proxy.log)"
