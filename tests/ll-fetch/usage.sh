# Bad usage prints the usage to stderr and exits 2; --help to stdout, 0.
ll-fetch --no-such-option
echo "rc=$?"
ll-fetch --help
echo "rc=$?"
ll-fetch
echo "rc=$?"
ll-fetch --list
echo "rc=$?"
ll-fetch --cat --store raw
echo "rc=$?"
ll-fetch --get --cat --store raw
echo "rc=$?"
ll-fetch --list --from 2026-02-30 .
echo "rc=$?"
ll-fetch --list --to 2026-03-01 .
echo "rc=$?"
ll-fetch --list --from 2026-03-02 --to 2026-03-01 .
echo "rc=$?"
ll-fetch --get --store raw --from 2026-03-01
echo "rc=$?"
ll-fetch --list --jobs 0 .
echo "rc=$?"
ll-fetch --list s3://
echo "rc=$?"
ll-fetch --list s3://Bad_Bucket/x
echo "rc=$?"
AWS_ENDPOINT_URL=ftp://127.0.0.1 ll-fetch --list s3://bucket/
echo "rc=$?"
AWS_ACCESS_KEY_ID=AKIDONLY ll-fetch --list s3://bucket/
echo "rc=$?"
AWS_ENDPOINT_URL_S3=s3.example ll-fetch --list s3://bucket/
echo "rc=$?"
