# --single: exactly one document.
printf '{"a":1}' | ll-splitjson -1 && echo ok
printf '{"a":1} {"b":2}' | ll-splitjson -1
echo "rc=$?"
printf '[][]' | ll-splitjson -1
echo "rc=$?"
