# Sourced by pipeline tests: a small sample bucket and lake digests.

# sample DIR [gen-sample options]: a deterministic raw bucket tree.
sample() {
	dir=$1
	shift
	"$TOP/scripts/dev/gen-sample" --events 1500 --days 2 --start 2026-03-01 \
	    "$@" "$dir" >/dev/null
}

# lake_digest DIR: one line per table and day: row count and a digest of
# the sorted rows (Parquet read by DuckDB, JSON lines by ll-ungz), so two
# lakes compare equal whatever their file names.
lake_digest() {
	for p in "$1"/*/calendarday=*; do
		[ -d "$p" ] || continue
		if ls "$p"/*.parquet >/dev/null 2>&1; then
			# A reader that fails must not pass for an empty day.
			rows=$(node "$TOP/tests/duckdb/sql.mjs" -- "SELECT * FROM
			    read_parquet('$p/*.parquet') ORDER BY ALL") || {
				echo "lake_digest: DuckDB cannot read $p" >&2
				exit 99
			}
			rows=$(printf '%s\n' "$rows" | sort)
		else
			rows=$(find "$p" -name '*.json.gz' -exec ll-ungz {} + | sort)
		fi
		printf '%s %s %s\n' "${p#"$1"/}" \
		    "$(printf '%s' "$rows" | grep -c .)" \
		    "$(printf '%s' "$rows" | cksum | cut -d' ' -f1)"
	done
}

# pipeline ARGS: a quiet run over the sample's two days; LL_PIPELINE
# names another copy of the script (see installed).
pipeline() {
	"${LL_PIPELINE:-ll-pipeline}" -q -f 2026-03-01 -t 2026-03-02 "$@"
}

# installed DIR: the job as an install lays it out, in DIR: copies of
# the scripts beside links to the tools.  The pipeline runs its sibling
# tools, not PATH's, so a test puts a stand-in for a tool in DIR.
installed() {
	mkdir -p "$1"
	for t in "$TOP"/bin/ll-*; do
		ln -s "$t" "$1/"
	done
	cp "$TOP/scripts/ll-pipeline" "$TOP/scripts/ll-pipeline-shard" \
	    "$TOP/scripts/ll-reconcile" "$1/"
}
