# A single line of about 13 MiB survives intact.
seq 1 2000000 | tr -d '\n' >line
gzip -n <line >big.gz
ll-ungz big.gz >out
echo "rc=$?"
wc -c <line
wc -c <out
head -c -1 out | cmp - line && echo same
