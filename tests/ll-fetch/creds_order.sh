# The order of the sources: the environment beats the profile, which
# beats instance metadata.  AWS_PROFILE naming a profile that is in
# neither file is an error that names it, whatever else there is.
# With nothing at all the error says what was tried; instance metadata
# that does not answer costs a connect timeout, no more.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start
seed many order-bucket "o/" 2
fakecreds_start --mode imds --upstream "$MOTO_URL"
creds_clean
printf '[default]\naws_access_key_id = AKIAPROFILEKEY01\naws_secret_access_key = pr0file/Secret\n' \
    >credentials
export AWS_ENDPOINT_URL="$S3_URL" AWS_EC2_METADATA_DISABLED=false \
    AWS_EC2_METADATA_SERVICE_ENDPOINT="$CREDS_URL" \
    AWS_SHARED_CREDENTIALS_FILE="$PWD/credentials"
src() {
	ll-fetch -v --retries 0 --list s3://order-bucket/ 2>&1 >/dev/null |
	    sed -n "s|$PWD|DIR|; s/, expire .*//; s/:[0-9]* (role/:PORT (role/; s/^ll-fetch: credentials: //p"
}
echo "== all three"
AWS_ACCESS_KEY_ID=AKIAENVIRONKEY02 AWS_SECRET_ACCESS_KEY=env/Secret src
echo "== profile and instance metadata"
src
echo "== instance metadata"
AWS_SHARED_CREDENTIALS_FILE=$PWD/none src
echo "== a named profile that is not there"
AWS_PROFILE=audit ll-fetch --list s3://order-bucket/ 2>err
echo "rc=$?"
sed "s|$PWD|DIR|g" err
echo "== nothing"
port=$(free_port)
AWS_SHARED_CREDENTIALS_FILE=$PWD/none \
    AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:$port \
    ll-fetch --list s3://order-bucket/ 2>err
echo "rc=$?"
sed "s|$PWD|DIR|g; s/:$port/:PORT/; s/PORT: .*; for/PORT: CONNECT; for/" err
echo "== only a key id"
AWS_ACCESS_KEY_ID=AKIAENVIRONKEY02 ll-fetch --list s3://order-bucket/
echo "rc=$?"
echo "instance metadata asked: $(grep -c '^imds PUT' creds.log) time(s)"
SECRETS="pr0file/Secret env/Secret" leaks creds.log
