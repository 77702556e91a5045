# With --parse, depth is no longer fatal: a record nested 100,000 deep
# passes through unchanged, and a message holding JSON nested deeper
# than jansson's 2048 stays a string, counted.
python3 -c '
print("{\"message\":\"{\\\"a\\\":1}\",\"deep\":" + "[" * 100000 + "]" * 100000 + "}")
print("{\"message\":\"" + "[" * 3000 + "]" * 3000 + "\"}")' >in
ll-splitjson -p message -S stats.json in >out
echo "rc=$?"
cut -c1-40 out
sed -n 2p in >want
sed -n 2p out | cmp - want && echo "second kept"
jq -c .reasons stats.json
