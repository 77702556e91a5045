printf '{"a":1}\n' | ll-splitjson >/dev/full
echo "rc=$?"
