# Garbage between two good members is skipped up to the next gzip header.
printf 'one\n' | gzip -n >in
printf 'this is not gzip at all' >>in
printf 'two\n' | gzip -n >>in
ll-ungz in
echo "rc=$?"
