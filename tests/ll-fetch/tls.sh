# TLS verification is on: a server whose certificate nobody vouches
# for is refused (exit 4); AWS_CA_BUNDLE names a private authority.
. "$TOP/tests/lib/moto.sh"
moto_start
printf '{"key":"t/x","data":"over TLS"}\n' | seed put tls-bucket
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout key.pem -out cert.pem \
    2>/dev/null
proxy_start --tls cert.pem key.pem
export AWS_ENDPOINT_URL="$PROXY_URL"
ll-fetch --list s3://tls-bucket/ 2>err
echo "rc=$?"
sed 's/(.*)/(detail)/' err >&2
AWS_CA_BUNDLE=$PWD/cert.pem ll-fetch --list s3://tls-bucket/ |
    AWS_CA_BUNDLE=$PWD/cert.pem ll-fetch --cat
echo
echo "rc=$?"
