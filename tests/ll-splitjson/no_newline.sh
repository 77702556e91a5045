# A last document without a final newline, even a bare number, is kept.
printf '{"a":1}\n{"b":2}' | ll-splitjson
printf '17' | ll-splitjson
printf '[1,2' | ll-splitjson
echo "rc=$?"
