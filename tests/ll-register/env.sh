# Without credentials the tool says what it tried (exit 4); without a
# region, which variables would give one (exit 2).  Errors name the
# endpoint but never the secret.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_REGION \
    AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_GLUE
echo '{"partition":{"calendarday":"2026-03-01"},"location":"s3://a/"}' >parts
AWS_REGION=us-east-1 ll-register -d lake -T t parts
echo "rc=$?"
export AWS_ACCESS_KEY_ID=AKIDTEST AWS_SECRET_ACCESS_KEY=sEcReT/value+1
ll-register -d lake -T t parts
echo "rc=$?"
# A closed port: connection refused, retried once.
port=$(python3 -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL=http://127.0.0.1:$port \
    AWS_SESSION_TOKEN=tOkEn ll-register -n 1 -d lake -T t parts 2>err
echo "rc=$?"
sed "s/:$port/:PORT/" err | sed 's/: Couldn.t connect to server$/: CONNECT/; s/: Failed to connect.*$/: CONNECT/'
grep -c -e sEcReT -e tOkEn err
