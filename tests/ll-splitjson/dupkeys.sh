# Duplicate keys are valid JSON: every occurrence is kept byte for byte,
# --parse parses each occurrence of its field, and a repeated --explode
# key explodes each of its arrays.
printf '{"a":1,"a":2,"message":"{\\"k\\":1,\\"k\\":2}","message":"x"}\n' >in
ll-splitjson in | cmp - in && echo "kept"
ll-splitjson -p message -S stats.json in
jq -c .reasons stats.json
printf '{"Records":[{"id":1}],"x":0,"Records":[{"id":2}]}' | ll-splitjson -e Records
