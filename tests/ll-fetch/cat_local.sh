# --cat writes the objects' bytes in input order, whatever order the
# fetches finish in; objects over 1 MiB spill to a temporary file.
mkdir -p src/a src/b
printf 'first\n' | gzip -n >src/a/1
seq 1 400000 | gzip -n >src/b/2
printf 'third\n' | gzip -n >src/b/3
ll-fetch --list src >list
ll-fetch --cat list | ll-ungz | sed -n '1p;2p;400001p;400002p'
cat src/a/1 src/b/2 src/b/3 >want
ll-fetch --cat list | cmp - want && echo "bytes in order"
echo "rc=$?"
