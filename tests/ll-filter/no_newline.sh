# A last line without a newline is a record like any other; it leaves
# with a newline.  A last line cut short is invalid JSON.
printf '{"a":1}\n{"a":2}' | ll-filter -w '.a = 2'
printf '{"a":1}\n{"a":2}' | ll-filter -g '"a"'
printf '{"a":1}\n{"a":2' | ll-filter
echo "rc=$?"
