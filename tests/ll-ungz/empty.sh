# Empty input (plain or an empty gzip member) writes nothing.
: >empty
printf '' | gzip -n >emptygz
ll-ungz empty emptygz </dev/null | wc -c
ll-ungz </dev/null | wc -c
