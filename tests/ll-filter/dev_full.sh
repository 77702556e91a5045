printf '{"a":1}\n' | ll-filter >/dev/full
echo "rc=$?"
