# What S3 says in an error is shown escaped (C1 controls such as CSI,
# line breaks), cut after 200 bytes with "...", and with every credential
# it repeats masked: the access key id, the secret and the session
# token never reach standard error.
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
    AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
    AWS_SESSION_TOKEN=FwoGZXIvYXdzEXAMPLETOKEN/abc+def= AWS_REGION=us-east-1
unset AWS_ENDPOINT_URL_S3
rm -f port
python3 "$TOP/tests/lib/fakes3.py" port error-echo >requests &
stub=$!
while [ ! -f port ]; do sleep 0.05; done
AWS_ENDPOINT_URL=http://127.0.0.1:$(cat port) \
    ll-fetch -q -n 0 --list s3://echo-bucket/x/ >list 2>err
echo "rc=$?"
kill $stub
wait $stub 2>/dev/null
cat err >&2
grep -c -e AKIAIOSFODNN7EXAMPLE -e wJalrXUtnFEMI -e FwoGZXIvYXdzEXAMPLE \
    -e "$(printf '\302\233')" -e "$(printf '\r')" \
    -e AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA err
