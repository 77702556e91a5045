# Credentials from EC2 instance metadata, IMDSv2: a session token
# first (the fake service answers 401 to a GET without one), then the
# role and its credentials, which the checking S3 proxy accepts.  An
# old service without tokens (404 to the PUT) is asked without one.
# No secret or token appears in any output.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start
seed many imds-bucket "logs/o" 5
fakecreds_start --mode imds --upstream "$MOTO_URL"
creds_clean
export AWS_ENDPOINT_URL="$S3_URL" AWS_EC2_METADATA_DISABLED=false \
    AWS_EC2_METADATA_SERVICE_ENDPOINT="$CREDS_URL/"
echo "== without a token the service refuses"
curl -s -o /dev/null -w '%{http_code}\n' \
    "$CREDS_URL/latest/meta-data/iam/security-credentials/"
echo "== listing and getting"
ll-fetch -v --list s3://imds-bucket/ >list 2>err1
echo "rc=$? objects=$(wc -l <list)"
ll-fetch -v --get --store raw <list >man 2>err2
echo "rc=$? stored=$(jq -r .status man | grep -c stored)"
grep credentials: err1 err2 | sed "s/expire [0-9T:Z-]*/expire TIME/; s/:$(echo "$CREDS_URL" |
    sed 's/.*://') /:PORT /"
cat creds.log
echo "== IMDSv1"
: >creds.log
fakecreds_start --mode imds --v1 --upstream "$MOTO_URL"
AWS_ENDPOINT_URL="$S3_URL" AWS_EC2_METADATA_SERVICE_ENDPOINT="$CREDS_URL" \
    ll-fetch --list s3://imds-bucket/ >list1 2>err3
echo "rc=$? objects=$(wc -l <list1)"
cat creds.log
echo "== disabled"
AWS_EC2_METADATA_DISABLED=true ll-fetch --list s3://imds-bucket/ 2>&1 |
    sed 's/.*EC2 instance metadata: /EC2 instance metadata: /'
leaks list man err1 err2 list1 err3
