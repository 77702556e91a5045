# Sourced by cases that read Parquet files back: q SQL... runs each query
# through DuckDB and prints its rows as JSON arrays; pq FILE... prints the
# rows a second reader (hyparquet) makes of the files, then a summary.
if [ ! -d "$TOP/tests/duckdb/node_modules/@duckdb/node-api" ]; then
	echo "DuckDB missing: (cd tests/duckdb && npm ci)" >&2
	exit 1
fi
q() {
	node "$TOP/tests/duckdb/sql.mjs" -- "$@"
}
pq() {
	node "$TOP/tests/duckdb/pq.mjs" "$@"
}
