# --single: exactly one document.
printf '{"a":1}' | ll-splitjson -1 && echo ok
printf '{"a":1} {"b":2}' | ll-splitjson -1
echo "rc=$?"
printf '[][]' | ll-splitjson -1
echo "rc=$?"
# An empty input is "no JSON document" whichever file comes first.
printf '{"a":1}' >good
: >empty
ll-splitjson -1 good empty
echo "rc=$?"
ll-splitjson -1 empty good
echo "rc=$?"
