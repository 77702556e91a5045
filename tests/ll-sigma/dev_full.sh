printf '{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"}\n' |
    ll-sigma -r "$FIXTURES/sigma/iam.yml" >/dev/full
echo "rc=$?"
ll-sigma -c -r "$FIXTURES/sigma/iam.yml" >/dev/full
echo "rc=$?"
