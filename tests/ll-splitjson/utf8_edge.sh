# UTF-8 that is not valid (overlong, a surrogate, past U+10FFFF, cut
# short, a stray continuation byte) and a high surrogate escape followed
# by another escape are rejected with their offsets; valid four-byte
# characters around them pass byte for byte.
printf '{"ok":"\360\237\230\200"}\n' >in
printf '{"a":"\300\257"}\n' >>in
printf '{"b":"\355\240\200"}\n' >>in
printf '{"c":"\364\220\200\200"}\n' >>in
printf '{"d":"\342\202"}\n' >>in
printf '{"e":"\200"}\n' >>in
printf '{"f":"\\ud800\\u0041"}\n' >>in
printf '{"ok":"\\ud83d\\ude00 \364\217\277\277"}\n' >>in
ll-splitjson -r rej -S stats.json in >out
echo "rc=$?"
head -n1 out | od -An -tx1
sed -n 2p out | od -An -c
wc -l <rej
jq -c '{records_in,records_out,rejected}' stats.json
