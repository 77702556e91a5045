# Empty input (plain or an empty gzip member) writes nothing.
: >empty
printf '' | gzip -n >emptygz
ll-ungz empty emptygz </dev/null | wc -c
ll-ungz </dev/null | wc -c
# Compressed empty streams are empty input too, not a damaged archive.
printf '' | xz >e.xz
printf '' | bzip2 >e.bz2
printf '' | zstd -q >e.zst
ll-ungz e.xz e.bz2 e.zst | wc -c
echo "compressed empty: rc=$?"
ll-ungz -S st e.xz e.bz2 e.zst >/dev/null
jq -c '{exit, reasons}' st
