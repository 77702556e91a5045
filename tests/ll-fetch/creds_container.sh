# Credentials from the ECS/EKS container endpoint
# (AWS_CONTAINER_CREDENTIALS_FULL_URI), with the authorization token
# from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read at each fetch, as
# EKS rotates it) or AWS_CONTAINER_AUTHORIZATION_TOKEN.  A wrong token
# is an error naming the endpoint; plain http:// is allowed only to a
# loopback address or the ECS and EKS agents.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start
seed many ctr-bucket "c/" 3
echo "Bearer pod-token-1" >auth
fakecreds_start --mode container --auth-file auth --upstream "$MOTO_URL"
creds_clean
export AWS_ENDPOINT_URL="$S3_URL" \
    AWS_CONTAINER_CREDENTIALS_FULL_URI="$CREDS_URL/creds" \
    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE="$PWD/auth"
port=${CREDS_URL##*:}
ll-fetch -v --list s3://ctr-bucket/ >list 2>err1
echo "rc=$? objects=$(wc -l <list)"
sed "s/:$port/:PORT/; s/expire [0-9T:Z-]*/expire TIME/" err1
ll-fetch --get --store raw <list >man 2>err2
echo "rc=$? stored=$(jq -r .status man | grep -c stored)"
echo "== the token from the environment"
unset AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE
AWS_CONTAINER_AUTHORIZATION_TOKEN="Bearer pod-token-1" \
    ll-fetch --list s3://ctr-bucket/ >list2 2>err3
echo "rc=$? objects=$(wc -l <list2)"
echo "== a wrong token"
AWS_CONTAINER_AUTHORIZATION_TOKEN="Bearer stale" \
    ll-fetch --list s3://ctr-bucket/ >list3 2>err4
echo "rc=$? objects=$(wc -l <list3)"
sed "s/:$port/:PORT/" err4
echo "== http:// to another host"
AWS_CONTAINER_CREDENTIALS_FULL_URI=http://metadata.example.com/creds \
    ll-fetch --list s3://ctr-bucket/
echo "rc=$?"
cat creds.log
SECRETS="pod-token-1 stale" leaks list man err1 err2 list2 err3 list3 err4
