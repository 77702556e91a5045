# Issue 2 figures: ll-ungz against zcat, ll-splitjson --explode Records
# against jq, and both together, on the same CloudTrail files.
. "$(dirname "$0")/lib.sh"
files=$BENCH_DIR/cloudtrail.files
json=$(xargs zcat <"$files" | wc -c)
recs=$(wc -l <"$BENCH_DIR/cloudtrail.ndjson")
echo "input: $(wc -l <"$files") files, $(xargs cat <"$files" | wc -c) bytes gzip, $json bytes JSON, $recs events"
run zcat "xargs zcat <$files"
report "zcat" "$json" "$recs"; zcat_s=$SECONDS_TAKEN
run ungz "xargs ll-ungz <$files"
report "ll-ungz" "$json" "$recs"; ungz_s=$SECONDS_TAKEN
xargs zcat <"$files" >"$BENCH_DIR/.plain.json"
run split "ll-splitjson -e Records $BENCH_DIR/.plain.json"
report "ll-splitjson -e Records (plain)" "$json" "$recs"; split_s=$SECONDS_TAKEN
run both "xargs ll-splitjson -e Records <$files"
report "ll-splitjson -e Records (gzip files)" "$json" "$recs"
run pipe "xargs ll-ungz <$files | ll-splitjson -e Records"
report "ll-ungz | ll-splitjson" "$json" "$recs"
run jq "jq -c '.Records[]' $BENCH_DIR/.plain.json"
report "jq -c '.Records[]' (plain)" "$json" "$recs"; jq_s=$SECONDS_TAKEN
run zcatjq "xargs zcat <$files | jq -c '.Records[]'"
report "zcat | jq -c '.Records[]'" "$json" "$recs"
rm -f "$BENCH_DIR/.plain.json"
awk -v z="$zcat_s" -v u="$ungz_s" -v s="$split_s" -v j="$jq_s" 'BEGIN {
	printf "ll-ungz is %.1fx zcat; ll-splitjson is %.1fx jq\n", z / u, j / s }'
