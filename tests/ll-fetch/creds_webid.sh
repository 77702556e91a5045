# Web identity, as on EKS: AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN
# make an unsigned STS AssumeRoleWithWebIdentity call (moto, behind
# the checking proxy, which learns the credentials moto hands out and
# then requires them on every S3 request).  The token is read from the
# file and sent, never printed.  AWS_ROLE_ARN missing is an error.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start
seed many web-bucket "w/" 3
fakecreds_start --mode none --upstream "$MOTO_URL"
creds_clean
printf 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb2QifQ.c2lnbmF0dXJl\n' >token
export AWS_ENDPOINT_URL="$S3_URL" AWS_WEB_IDENTITY_TOKEN_FILE="$PWD/token" \
    AWS_ROLE_ARN=arn:aws:iam::123456789012:role/eks-reader \
    AWS_ROLE_SESSION_NAME=pod-7
ll-fetch -v --list s3://web-bucket/ >list 2>err1
echo "rc=$? objects=$(wc -l <list)"
sed "s|$PWD|DIR|; s/key \.\.\.[A-Z0-9]\{4\}/key ...XXXX/; s/expire [0-9T:Z-]*/expire TIME/" err1
ll-fetch --get --store raw <list >man 2>err2
echo "rc=$? stored=$(jq -r .status man | grep -c stored)"
cat creds.log
echo "== no role"
AWS_ROLE_ARN= ll-fetch --list s3://web-bucket/
echo "rc=$?"
echo "== no token file"
AWS_WEB_IDENTITY_TOKEN_FILE=$PWD/missing ll-fetch --list s3://web-bucket/ \
    2>&1 | sed "s|$PWD|DIR|g"
SECRETS=c2lnbmF0dXJl leaks list err1 man err2
