# A last line without a newline is a record like any other; it leaves
# with a newline.  A last line cut short is invalid JSON.
r=$FIXTURES/sigma/iam.yml
printf '{"eventName":"X"}\n{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"}' |
    ll-sigma -y "$r" | od -c | tail -n 3
printf '{"eventName":"X"}\n{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"' |
    ll-sigma -y "$r"
echo "rc=$?"
