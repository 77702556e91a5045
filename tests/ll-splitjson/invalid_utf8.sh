# Invalid UTF-8, lone surrogates and raw control characters are rejected.
printf '{"a":"\377"}\n{"b":"\\ud800"}\n{"c":"tab\there"}\n{"d":"\\udc00x"}\n{"ok":1}\n' >in
ll-splitjson in
echo "rc=$?"
