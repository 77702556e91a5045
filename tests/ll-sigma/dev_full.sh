printf '{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"}\n' |
    ll-sigma -y "$FIXTURES/sigma/iam.yml" >/dev/full
echo "rc=$?"
ll-sigma -K -y "$FIXTURES/sigma/iam.yml" >/dev/full
echo "rc=$?"
