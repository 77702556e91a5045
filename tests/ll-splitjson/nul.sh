# NUL bytes: a raw 0x00 inside a string or between documents is invalid
# JSON, reported with its offset and quarantined; the \u0000 escape is
# valid and kept byte for byte, in values and keys, also with --parse.
printf '{"a":"x\000y"}\n{"ok":1}\n\000{"ok":2}\n' >in
printf '{"b":"x\\u0000y","k\\u0000":1,"message":"{\\"m\\":\\"\\\\u0000\\"}"}\n' >>in
ll-splitjson -r rej in
echo "rc=$?"
od -An -c rej
ll-splitjson -p message in 2>/dev/null | tail -n1
