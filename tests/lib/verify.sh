# Shared helpers for ll-verify tests.  Source it from a case
# (". "$TOP/tests/lib/verify.sh"); everything is made in the case's
# directory: RSA keys with openssl, and CloudTrail log files and
# digests signed as CloudTrail signs them (tests/lib/ctdigest.py), in
# an ll-fetch store ("store") with its manifest ("manifest.ndjson").
#
#   newkey NAME          NAME.pem (private) and NAME.der (the DER
#                        PKCS#1 RSAPublicKey list-public-keys returns)
#   keys OUT SPEC...     OUT: list-public-keys JSON for NAME[:FROM][@UNTIL]
#   trail ARGS           ctdigest.py trail --store store --manifest
#                        manifest.ndjson ARGS
#   gone KEY...          deleted in S3 before the fetch: removed from
#                        the store and its manifest records dropped
#   rewrite KEY PY       changed in S3 before the fetch: the stored
#                        object's content passes through the Python
#                        expression PY (bytes d -> bytes), the manifest
#                        records the new bytes
#   show [FILE]          findings, shortened: type, key and digest file
#                        names, trail, expected, found (for a digest's
#                        SHA-256, which holds a signature made with the
#                        test's random key, only whether there is one)
ACCT=111122223333
B=trail-bucket
DIG=AWSLogs/$ACCT/CloudTrail-Digest/us-east-1/2026/03/01
LOG=AWSLogs/$ACCT/CloudTrail/us-east-1/2026/03/01

newkey() {
	openssl genrsa -out "$1.pem" 2048 2>/dev/null &&
	    openssl rsa -in "$1.pem" -RSAPublicKey_out -outform DER \
	    -out "$1.der" 2>/dev/null || { echo "openssl failed" >&2; exit 99; }
}

keys() {
	python3 "$TOP/tests/lib/ctdigest.py" keys "$@"
}

trail() {
	python3 "$TOP/tests/lib/ctdigest.py" trail --store store \
	    --manifest manifest.ndjson "$@"
}

# The digest (or log file) whose name holds STAMP, under DIG (LOG).
digest() {
	ls "store/$B/$DIG/" | grep -F "$1" | sed "s|^|$DIG/|"
}
logfile() {
	ls "store/$B/$LOG/" | grep -F "$1" | sed "s|^|$LOG/|"
}

gone() {
	for k; do
		rm -f "store/$B/$k"
		grep -v -F "\"s3://$B/$k\"" manifest.ndjson >manifest.tmp
		mv manifest.tmp manifest.ndjson
	done
}

rewrite() {
	python3 - "store/$B/$1" "s3://$B/$1" "$2" <<'PY'
import gzip, hashlib, json, os, sys
path, url, expr = sys.argv[1:]
d = gzip.decompress(open(path, "rb").read())
new = eval(expr, {"d": d})
assert new != d, "the expression changed nothing"
raw = gzip.compress(new, mtime=0)
os.chmod(path, 0o644)
open(path, "wb").write(raw)
os.chmod(path, 0o444)
lines = []
for line in open("manifest.ndjson"):
    r = json.loads(line)
    if r["url"] == url:
        r["sha256"] = hashlib.sha256(raw).hexdigest()
        r["bytes"] = len(raw)
    lines.append(json.dumps(r, separators=(",", ":")))
open("manifest.ndjson", "w").write("\n".join(lines) + "\n")
PY
}

show() {
	jq -c 'def stable: .type | test("^(log_file|digest_hour|digest_gap)");
	    {type, key: (.key | split("/") | last), trail,
	    digest: (.digest // "" | split("/") | last),
	    expected: (if stable then .expected else .expected != null end),
	    found: (if stable then .found else .found != null end)}' \
	    "${1:--}"
}
