# A decompression bomb (over 1000:1) is stopped early and reported.
head -c 200000000 /dev/zero | gzip -n >bomb.gz
ls -l bomb.gz | awk '{ print ($5 < 300000) }'
ll-ungz bomb.gz | wc -c | awk '{ print ($1 < 20000000) }'
ll-ungz --max-size 1K bomb.gz | wc -c
ll-ungz --max-ratio 0 --max-size 100M bomb.gz | wc -c
