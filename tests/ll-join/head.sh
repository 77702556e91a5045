# Closing the pipe early ends the tool quietly, also while it merges
# spilled parts, and leaves no spill file behind.
awk 'BEGIN { for (i = 0; i < 20000; i++) {
	printf "{\"k\":%d}\n", i % 5000 > "left";
	printf "{\"k\":%d,\"v\":%d}\n", i % 7000, i > "right" } }'
mkdir tmp
ll-join -k k left right | head -n1
ll-join -k k -b 64K -D tmp left right | head -n1
ls -A tmp
