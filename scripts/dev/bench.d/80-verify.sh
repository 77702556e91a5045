# Issue 16 figures: ll-verify over the workload's CloudTrail log files,
# with hourly digests signed over them by a key made here (one chain per
# account and region), files/s and MB/s of decompressed content.  The
# bound is reading, inflating and hashing every byte: sha256sum over the
# decompressed bytes (SHA-256 alone) and zcat | sha256sum beside it.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
work=$BENCH_DIR/verify
files=$BENCH_DIR/cloudtrail.files
bucket=log-lake-sample-cloudtrail
n=$(wc -l <"$files")
if [ "$(cat "$work/.files" 2>/dev/null)" != "$n" ]; then
	rm -rf "$work"
	mkdir -p "$work/store/$bucket"
	openssl genrsa -out "$work/k1.pem" 2048 2>/dev/null
	openssl rsa -in "$work/k1.pem" -RSAPublicKey_out -outform DER \
	    -out "$work/k1.der" 2>/dev/null
	(cd "$work" && python3 "$top/tests/lib/ctdigest.py" keys keys.json k1)
	# Hard links: the workload's files, stored under their keys.
	sed "s|^$BENCH_DIR/raw/cloudtrail/||" "$files" | while read -r k; do
		mkdir -p "$work/store/$bucket/$(dirname "$k")"
		ln "$BENCH_DIR/raw/cloudtrail/$k" "$work/store/$bucket/$k"
	done
	(cd "$work" && python3 "$top/tests/lib/ctdigest.py" digests \
	    --store store --manifest manifest.ndjson --bucket "$bucket" \
	    --key k1) || { echo "80-verify: no digests" >&2; exit 1; }
	echo "$n" >"$work/.files"
fi
json=$(xargs zcat <"$files" | wc -c)
gz=$(xargs cat <"$files" | wc -c)
ndig=$(grep -c CloudTrail-Digest "$work/manifest.ndjson")
echo "input: $n log files, $ndig digests, $gz bytes gzip, $json bytes decompressed"
cd "$work"
# Wall time and CPU time (user + system): the machine may be shared.
line() {
	awk -v name="$1" -v n="$n" -v b="$json" -v s="$SECONDS_TAKEN" \
	    -v c="$CPU_TAKEN" -v m="$PEAK_KB" 'BEGIN {
	if (s == 0) s = 0.01
	if (c == 0) c = 0.01
	printf "%-30s %6.2f s %7.1f MB/s %6.0f files/s  cpu %6.2f s %7.1f MB/s %5.0f MB peak\n",
	    name, s, b / s / 1e6, n / s, c, b / c / 1e6, m / 1024 }'
}
run verify "ll-verify -q -s store -k keys.json -S verify.stats manifest.ndjson"
line "ll-verify"
jq -c '{log_files_validated, digests_validated, findings}' verify.stats
verify_c=$CPU_TAKEN
xargs zcat <"$files" >"$work/.plain"
run sha "openssl dgst -sha256 $work/.plain"
line "openssl sha256 (decompressed)"
sha_c=$CPU_TAKEN
run sha "sha256sum $work/.plain"
line "sha256sum (decompressed)"
rm -f "$work/.plain"
run zsha "xargs zcat <$files | sha256sum"
line "zcat | sha256sum"
awk -v v="$verify_c" -v s="$sha_c" 'BEGIN {
	if (s == 0) s = 0.01
	printf "ll-verify takes %.1fx the CPU time of SHA-256 alone\n", v / s }'
