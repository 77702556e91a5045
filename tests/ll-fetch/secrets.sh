# Session tokens are sent and signed; secrets and tokens appear in no
# output, message or verbose log, whatever happens.
. "$TOP/tests/lib/moto.sh"
moto_start
printf '{"key":"s/x","data":"secret stuff"}\n' | seed put sec-bucket
export AWS_ACCESS_KEY_ID=AKIDLLFETCHTEST AWS_SECRET_ACCESS_KEY=Sekr1t/Value+x
export AWS_SESSION_TOKEN=T0ken/With+Chars=
proxy_start --verify "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY:$AWS_SESSION_TOKEN"
export AWS_ENDPOINT_URL="$PROXY_URL"
ll-fetch --verbose --list s3://sec-bucket/ >list 2>>log
echo "rc=$?"
ll-fetch --verbose --get --store raw <list >>log 2>&1
echo "rc=$?"
cat raw/sec-bucket/s/x; echo
AWS_SESSION_TOKEN= ll-fetch --verbose --list s3://sec-bucket/ >>log 2>&1
echo "rc=$?"
AWS_SECRET_ACCESS_KEY=Wrong ll-fetch --verbose --get --store raw2 <list >>log 2>&1
echo "rc=$?"
grep -v -e ': ok$' log | sed 's/ in [0-9.]* s$/ in N s/'
grep -c -F -e Sekr1t -e T0ken log list || true
