# A file that cannot be opened is exit 3, but the other files are done.
printf 'ok\n' | gzip -n >good
ll-ungz nosuchfile good
echo "rc=$?"
