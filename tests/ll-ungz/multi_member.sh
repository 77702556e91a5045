# Every member of a multi-member gzip is decoded; output ends in a newline.
printf '{"a":1}' | gzip -n >in
printf '{"b":2}' | gzip -n >>in
printf '{"c":3}\n' | gzip -n >>in
ll-ungz in
