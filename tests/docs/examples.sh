# Every example in README.md and in the man pages' EXAMPLES runs as
# written (tests/lib/examples.py says what counts as an example) against
# the demo's data: scripts/dev/gen-sample's buckets, served by a local
# moto_server (S3 and Glue) under the bucket names the examples use, and
# as local copies where an example reads files.  The examples' "today"
# is 2026-03-03, the day after the demo data's second day.
. "$TOP/tests/lib/moto.sh"
moto_start
export AWS_DEFAULT_REGION=us-east-1
w=$PWD/world
mkdir -p "$w/bin" "$w/srv" "$w/data" "$w/etc/loglake" \
    "$w/sigma/rules/cloud/aws/cloudtrail"
cat >"$w/bin/date" <<'SH'
#!/bin/sh
# date(1) for the examples: now is 2026-03-03 12:00 UTC ("yesterday",
# "2 days ago"); a date given in full is left as it is.
now="2026-03-03 12:00 UTC"
for a; do
	case $a in -d|--date) d=1 ;; esac
done
if [ -n "${d:-}" ]; then
	n=0
	for a; do
		shift
		if [ "${n}" = 1 ]; then
			case $a in [0-9][0-9][0-9][0-9]-*) ;; *) a="$now $a" ;; esac
			set -- "$@" "$a"
			n=0
			continue
		fi
		case $a in -d|--date) n=1 ;; esac
		set -- "$@" "$a"
	done
	exec /bin/date "$@"
fi
exec /bin/date -d "$now" "$@"
SH
chmod +x "$w/bin/date"
export PATH="$w/bin:$PATH"

gen-sample --events 5000 --days 3 --start 2026-03-01 "$w/buckets" >/dev/null
ct=$w/buckets/cloudtrail fh=$w/buckets/firehose
# The trail buckets hold the log files; their digests are made below
# (gen-sample's own, one a day and unsigned, would be findings).
logs=$w/buckets/cloudtrail-logs
cp -R "$ct" "$logs" && find "$logs" -depth -type d -name CloudTrail-Digest \
    -exec rm -r {} + || exit 99
for b in org-cloudtrail org-trail org-cloudtrail-logs; do
	python3 "$LIB/s3seed.py" "$MOTO_URL" tree "$b" "$logs" || exit 99
done
# Hourly CloudTrail digests over each trail bucket's log files, signed
# with a key made here and stored with their signature as S3 metadata,
# as CloudTrail does; "aws cloudtrail list-public-keys" prints that key
# (moto has no CloudTrail keys).
mkdir -p "$w/keys"
(cd "$w/keys" && openssl genrsa -out k1.pem 2048 2>/dev/null &&
    openssl rsa -in k1.pem -RSAPublicKey_out -outform DER -out k1.der \
    2>/dev/null && python3 "$LIB/ctdigest.py" keys keys.json k1) || exit 99
for b in org-cloudtrail org-trail org-cloudtrail-logs; do
	d=$w/keys/$b
	mkdir -p "$d/$b" && cp -R "$logs/." "$d/$b/" || exit 99
	(cd "$w/keys" && python3 "$LIB/ctdigest.py" digests --store "$d" \
	    --manifest "$d/manifest.ndjson" --bucket "$b" --key k1 \
	    --until 2026-03-04T00:00Z) || exit 99
	jq -c --arg s "$d/$b/" 'select(.signature) |
	    (.url | sub("^s3://[^/]*/"; "")) as $k | {key: $k, file: ($s + $k),
	    metadata: {signature: .signature,
	    "signature-algorithm": .signature_algorithm}}' "$d/manifest.ndjson" |
	    python3 "$LIB/s3seed.py" "$MOTO_URL" put "$b" >/dev/null || exit 99
done
real_aws=$(PATH=${PATH#"$w/bin:"} command -v aws)
cat >"$w/bin/aws" <<SH
#!/bin/sh
if [ "\$1 \$2" = "cloudtrail list-public-keys" ]; then
	exec cat "$w/keys/keys.json"
fi
exec "$real_aws" "\$@"
SH
chmod +x "$w/bin/aws"
for b in org-firehose cwl-firehose-logs cwl-bucket; do
	mkdir -p "$w/up/$b"
	cp -R "$fh" "$w/up/$b/sessions"
	python3 "$LIB/s3seed.py" "$MOTO_URL" tree "$b" "$w/up/$b" || exit 99
done
python3 "$LIB/s3seed.py" "$MOTO_URL" tree bedrock-logs "$w/buckets/bedrock" ||
    exit 99
for b in lake-readready lake-rr reviews; do
	python3 "$LIB/s3seed.py" "$MOTO_URL" put "$b" </dev/null || exit 99
done
aws glue create-database --database-input Name=lake || exit 99

# Local copies, as an investigator keeps them.
cp -R "$ct" "$w/cloudtrail"
cp -R "$fh" "$w/firehose"
cp -R "$fh" "$w/data/cwl-bucket"
ln -s cloudtrail/AWSLogs "$w/AWSLogs"
ln -s firehose/2026 "$w/2026"
cp "$TOP"/tests/fixtures/sigma/own/*.yml "$w/sigma/rules/cloud/aws/cloudtrail/"

# What a user brings: the controls and managers files the README shows,
# a list of accounts, records to search, an own Sigma rule.
python3 "$LIB/examples.py" files "$TOP" "$w" >/dev/null || exit 99
cp "$w/etc/loglake/controls.conf" "$w/controls.conf"
printf '%s\n' 393970699565 945087558021 >"$w/accounts.txt"
ll-splitjson -e Records "$w"/AWSLogs/*/*/CloudTrail/*/2026/03/01/*.json.gz \
    "$w"/AWSLogs/*/CloudTrail/*/2026/03/01/*.json.gz >"$w/events.ndjson"
gzip -c "$w/events.ndjson" >"$w/events.ndjson.gz"
mkdir "$w/our-rules"
cp "$TOP/tests/fixtures/sigma/iam.yml" "$w/our-rules/"

# DuckDB's own command line is not a Debian package: duckdb -init FILE
# -c SQL runs through the DuckDB the tests use (tests/duckdb).
cat >"$w/bin/duckdb" <<SH
#!/bin/sh
set --  "\$@" ""
if [ "\$1" = -init ]; then init=\$2; shift 2; else init=; fi
[ "\$1" = -c ] || { echo "duckdb stand-in: -init FILE -c SQL only" >&2; exit 2; }
exec node "$TOP/tests/duckdb/sql.mjs" \${init:+"\$init"} -- "\$2"
SH
chmod +x "$w/bin/duckdb"

# Each document starts with no Glue table: each shows how to make one.
export EXAMPLES_EACH_DOCUMENT='python3 -c "
import boto3
g = boto3.client(\"glue\")
for t in g.get_tables(DatabaseName=\"lake\")[\"TableList\"]:
    g.delete_table(DatabaseName=\"lake\", Name=t[\"Name\"])"'
# The Python itself, not a pyenv shim, which would put its own bin (and
# the AWS CLI there) before the stand-ins in $w/bin.
"$(python3 -c 'import sys; print(sys.executable)')" "$LIB/examples.py" run \
    "$TOP" "$w"
