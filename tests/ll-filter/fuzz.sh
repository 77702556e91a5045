# The scanner against jansson: 30000 lines of mangled JSON (broken
# escapes, lone surrogates, bad UTF-8, raw control bytes, NULs, huge
# numbers, deep nesting, repeated keys) must give the same output,
# messages, rejects and counts with and without --parse.
python3 - <<'P' >in
import random
r = random.Random(7)
seeds = [
    b'{"a":1,"eventName":"StartSession","x":[1,2.5e3,-0.1,true,false,null,{}]}',
    b'{"a":"\\u00e9\\ud83d\\ude00\\n\\"","b":{"c":{"d":"x"}},"n":-0}',
    '{"\u00e9":"\u4e2d\U0001F600","a":{"a":{"a":1}},"a":2}'.encode(),
    b'{"a" : 1 ,\t"b"\r:\t2 }', b'{"n":123456789012345678901234567890}',
    b'{"n":1e308,"m":-2.5E-308,"a":"x"}', b'{"":"","a":[]}',
    b'{"b":{"c":{"d":"\\u0041"}},"b":{"c":{}}}',
]
toks = [b'"', b'\\', b'\\u', b'\\ud800', b'\\udc00', b'\\u0000', b'{', b'}',
    b'[', b']', b':', b',', b'0', b'-', b'.', b'e', b'E', b'+', b'1e400',
    b'true', b'fals', b'null', b' ', b'\t', b'\r', b'\x00', b'\x01', b'\x7f',
    b'\xc3\xa9', b'\xc3', b'\xed\xa0\x80', b'\xf4\x90\x80\x80',
    b'\xf0\x9f\x98\x80', b'\xe0\x80\x80', b'\xff', b'x', b'"a":', b'"b":',
    b'123', b'9' * 400, b'\\/', b'\\x', b'\\U0041', b'\\u12',
    b'\\uD83D\\uDE00', b'[' * 2050, b'{"a":' * 2049]
out = []
for i in range(30000):
    s = bytearray(r.choice(seeds))
    for _ in range(r.randint(0, 3)):
        op = r.random()
        pos = r.randint(0, len(s))
        if op < 0.5:
            s[pos:pos] = r.choice(toks)
        elif op < 0.8 and len(s) > 0:
            del s[pos:pos + r.randint(1, 3)]
        else:
            s[pos:pos + 1] = r.choice(toks)
    out.append(bytes(s).replace(b'\n', b''))
open(1, 'wb').write(b'\n'.join(out) + b'\n')
P
for t in '.a exists' '.a = 1' '.b.c.d = A' '.n > 0' '."é" ^= 中'; do
	ll-filter -w "$t" -r rej1 -S s1 in >out1 2>err1
	echo "$t: rc=$?"
	ll-filter -p -w "$t" -r rej2 -S s2 in >out2 2>err2
	echo "$t: rc=$? with --parse"
	cmp out1 out2 && cmp err1 err2 && cmp rej1 rej2 &&
	    cmp s1 s2 && echo "  same"
	jq -r '"  \(.records_out) out, \(.rejected) rejected"' s1 |
	    awk '$1 > 500 && $3 > 10000 { print "  both kinds" }'
done
