# --codec zstd reaches ll-partition: every chunk of the Parquet tables is
# ZSTD, with the same rows as the default gzip run; the session review
# (JSON lines) is gzip either way.  A codec ll-partition lacks is a
# usage error before anything is made.
. "$TOP/tests/lib/lake.sh"
. "$TOP/tests/lib/duckdb.sh"
sample src
pipeline -D gz src/cloudtrail src/firehose
echo "gzip: rc=$?"
pipeline -D zs --codec zstd src/cloudtrail src/firehose
echo "zstd: rc=$?"
for d in gz zs; do
	for t in cloudtrail cloudwatch; do
		q "SELECT list(DISTINCT compression ORDER BY compression),
		    count(DISTINCT file_name)
		    FROM parquet_metadata('$d/lake/$t/*/*.parquet')" \
		    "SELECT count(*), sum(hash(to_json(t)::VARCHAR))
		    FROM read_parquet('$d/lake/$t/*/*.parquet',
		    hive_partitioning = false) t" >"$d.$t"
		echo "$d $t: $(head -n1 "$d.$t")"
	done
done
for d in gz zs; do
	tail -qn1 "$d.cloudtrail" "$d.cloudwatch" >"$d.cells"
done
cmp gz.cells zs.cells && echo "the same rows and cells"
find zs/lake/session_review -name '*.json.gz' | head -n1 | xargs gzip -t &&
    echo "review: gzip"
ll-pipeline -q --codec=lz4 -D bad src/cloudtrail
echo "lz4: rc=$?"
[ -e bad ] || echo "nothing created"
