# -u: what is decompressed is written at once, not when the buffer
# fills or the input ends.  The writer keeps its end open until the
# output shows up (or 10 seconds pass) and says which came first.
mkfifo in
(
	head -c 600 /dev/zero | tr '\0' x
	echo
	i=0
	while [ ! -s out ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ -s out ]; then echo "output before end of input" >status
	else echo "no output until end of input" >status; fi
) >in &
ll-ungz -u <in >out
wait
cat status
wc -c <out
