# --no-sign-request (-U) sends requests unsigned, for public buckets,
# even with credentials at hand; the proxy lets unsigned requests
# through and logs them so.  Without it and without credentials the
# tool stops before any request, saying what it tried and naming the
# option.  Reading local files never looks for credentials.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start
seed many public-bucket "pub/" 3
python3 - "$MOTO_URL" <<'PY'
import sys
import boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
for i in range(3):
    s3.put_object_acl(Bucket="public-bucket", Key="pub/%05d" % i,
                      ACL="public-read")
PY
fakecreds_start --mode none --anonymous --upstream "$MOTO_URL"
creds_clean
export AWS_ENDPOINT_URL="$S3_URL"
AWS_ACCESS_KEY_ID=AKIAUNUSEDKEY001 AWS_SECRET_ACCESS_KEY=unused/Secret \
    ll-fetch -v -U --list s3://public-bucket/ >list 2>err1
echo "rc=$? objects=$(wc -l <list)"
cat err1
ll-fetch --no-sign-request --get --store raw <list >man
echo "rc=$? stored=$(jq -r .status man | grep -c stored)"
cat creds.log
: >creds.log
echo "== no credentials, no -U"
ll-fetch --list s3://public-bucket/ 2>err2
echo "rc=$?"
sed "s|$PWD|DIR|g" err2
echo "requests: $(wc -l <creds.log)"
echo "== local files need none"
mkdir -p d/x && echo hi >d/x/f
ll-fetch --list d | jq -r .key
SECRETS="unused/Secret" leaks list err1 man
