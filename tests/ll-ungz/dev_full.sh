# A write error on standard output is exit 3 with a message.
printf 'data\n' | gzip -n >in
ll-ungz in >/dev/full
echo "rc=$?"
