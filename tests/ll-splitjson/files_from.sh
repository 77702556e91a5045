# --files-from: names one a line, with files given as operands too.
printf '{"a":1}' >one
printf '{"b":2}\n' >two
printf '{"c":3}' | gzip -n >three
printf 'one\n\ntwo\n' >list
ll-splitjson -s src -F list three
echo "rc=$?"
printf 'missing\n' | ll-splitjson -F -
echo "rc=$?"
