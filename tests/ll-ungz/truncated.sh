# A truncated member: the data before it is kept, the next file is still
# processed, and the exit status says something was wrong.
printf 'complete member\n' | gzip -n >in
seq 1 2000 | gzip -n | head -c 300 >>in
printf 'next file\n' | gzip -n >next
ll-ungz in next >out
echo "rc=$?"
sed -n '1p;$p' out
