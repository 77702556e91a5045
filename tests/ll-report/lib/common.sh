# Shared by ll-report's cases: the fixture rows, the mapping, a fixed
# generation time, and a headless Chromium that prints the DOM after
# the page's script ran.
SOURCE_DATE_EPOCH=1772582400	# 2026-03-04 00:00:00 UTC
export SOURCE_DATE_EPOCH
lib=$TOP/tests/ll-report/lib
python3 "$lib/rows.py" >rows.ndjson
cp "$lib/managers.conf" managers.conf

# Prints the rows of a CSV file after its header line.
csv_rows() {
	tail -n +2 "$1" | tr -d '\r'
}

# browser URL: the DOM as Chromium has it once the page has loaded.
browser() {
	_ud=$(mktemp -d)
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --user-data-dir="$_ud" \
	    --dump-dom "$1" 2>/dev/null
	_rc=$?
	rm -rf "$_ud"
	return $_rc
}

# screenshot URL FILE [WIDTHxHEIGHT]: a PNG for people to look at.
screenshot() {
	_ud=$(mktemp -d)
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --user-data-dir="$_ud" \
	    --hide-scrollbars --window-size="${3:-1280,1400}" \
	    --screenshot="$2" "$1" >/dev/null 2>&1
	_rc=$?
	rm -rf "$_ud"
	return $_rc
}

need_chromium() {
	if ! command -v chromium >/dev/null 2>&1; then
		echo "chromium is not installed (scripts/install-deps installs it)" >&2
		exit 77
	fi
}

# pages ARGS: runs ll-report, prints each page's manager and sessions
# from its summary records, then its exit status.
pages() {
	ll-report "$@" >summary.ndjson
	_rc=$?
	jq -c '[.manager, .sessions]' summary.ndjson
	echo "rc=$_rc"
}
