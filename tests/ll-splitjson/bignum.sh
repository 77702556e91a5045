# Numbers beyond 64 bits, or beyond a double, are kept byte for byte: in
# documents, in exploded elements, next to a --parse field and inside a
# parsed message; a message with a number no double can hold stays a
# string and is counted.
printf '{"Records":[{"n":123456789012345678901234567890,"m":-1.5e-400,"message":"{\\"big\\":18446744073709551616,\\"neg\\":-99999999999999999999}"},{"x":1e400,"message":"{\\"huge\\":1e400}"}]}\n' >in
ll-splitjson -e Records -p message -S stats.json in
echo "rc=$?"
jq -c .reasons stats.json
ll-splitjson in | cmp - in && echo "document kept"
