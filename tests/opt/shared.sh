# The shared options mean the same in every tool: -S - and -r - are
# both standard error; -M, -m and -R bound every reader that takes them.
printf '{"a":1}\nnot json\n' >in
ll-filter -S - -r - in 2>err; echo "rc=$?"
grep -c '"tool":"ll-filter"' err
grep -c '^not json$' err
printf '{"a":"%s"}\n' "$(head -c 100 /dev/zero | tr '\0' x)" >big
ll-splitjson -M 50 big; echo "splitjson rc=$?"
ll-filter -M 50 big; echo "filter rc=$?"
ll-join -M 50 -k a big big; echo "join rc=$?"
