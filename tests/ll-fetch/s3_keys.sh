# Keys with spaces, '+', unicode, "..", empty segments and control
# characters list exactly; the ones that cannot be a path under the
# store are refused and reported, the rest stored byte for byte.  A
# strict SigV4 check (the proxy) covers every request: moto's own
# checking mode mis-verifies '+' and non-ASCII keys.
. "$TOP/tests/lib/moto.sh"
moto_start
cat >keys <<'K'
k/plain.json
k/a+b c.json
k/ünïcödé/日本.gz
k/x..y
k/a/../b
k/./c
k//d
k/ctl\u0001x
k/folder/
k/pct%2F%zz
k/quote"and'apos
k/~tilde*star(paren)!
K
jq -R -c '{key: (. | gsub("\\\\u0001"; "\u0001")), data: ("data of " + .)}' keys |
    sed 's|"data":"data of k/folder/"|"data":""|' | seed put keys-bucket
proxy_start --log proxy.log --verify "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"
export AWS_ENDPOINT_URL="$PROXY_URL"
ll-fetch --list s3://keys-bucket >list
echo "rc=$?"
jq -c '[.key, .size]' list
ll-fetch --get --store raw --reject rej <list >man
echo "rc=$?"
jq -c '[.key // .url, .status, .error]' man | sort
cat rej | jq -c .key
find raw -type f | sort
cat "raw/keys-bucket/k/a+b c.json"; echo
cat "raw/keys-bucket/k/ünïcödé/日本.gz"; echo
grep -v -c " 200$" proxy.log || true
