# Spill files have no name (O_TMPFILE, or unlinked at once), so a join
# killed while it has spilled leaves nothing behind.  The left input is a FIFO
# kept open, so the join is caught waiting for more, spill files open.
awk 'BEGIN { for (i = 0; i < 2000; i++)
	printf "{\"k\":%d,\"v\":%d}\n", i % 300, i }' >right
awk 'BEGIN { for (i = 0; i < 100; i++) printf "{\"k\":%d}\n", i }' >left.part
mkdir t
mkfifo left
ll-join -k k -b 0 -D t left right >out 2>/dev/null &
pid=$!
exec 3>left
cat left.part >&3
n=0
for i in $(seq 100); do
	n=$(ls -l /proc/$pid/fd | grep -c "$PWD/t/.* (deleted)")
	[ "$n" -gt 0 ] && break
	sleep 0.1
done
[ "$n" -gt 0 ] && echo "spill files open, already deleted"
ls -A t
kill -9 $pid
wait $pid 2>/dev/null
echo "killed: rc=$?"
exec 3>&-
ls -A t
# The same join run to the end leaves nothing either.
cp left.part left2
ll-join -k k -b 0 -D t left2 right 2>/dev/null | wc -l
ls -A t
