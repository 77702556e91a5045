# --progress shows objects and bytes done, rate and ETA on standard
# error.  The total is real when the listing is a file (counted first);
# from a pipe it is what has been read so far ("+") and no ETA is
# guessed.  A message takes the progress line away and has a line of
# its own; the run ends with a summary line.  Without a terminal only
# the failure is said.
mkdir -p src && seq 1 1000 >src/a && seq 1 2000 >src/b && echo c >src/c
ll-fetch --list src >list
rm src/c
show() {
	tr '\r' '\n' <"$1" | grep . |
	    sed 's/[0-9.]* obj\/s, [0-9.]* MB\/s/R/; s/ETA [0-9]* s/ETA T/; s/ *$//'
}
ll-fetch --get --store raw --progress --failures f.ndjson list 2>err >/dev/null
echo "rc=$?"
# Every line is whole: a progress line or a message, never both.
show err | grep -v '^ll-fetch: [0-9]*/[0-9]*+* objects, ' | grep -v '^ll-fetch: ' ||
    echo "every line starts with ll-fetch:"
show err | grep -v '^ll-fetch: [0-9]*/' | sed "s|$PWD|DIR|"
show err | grep '^ll-fetch: [0-9]*/' | tail -n1
echo "-- from a pipe"
cat list | ll-fetch --get --store raw1 --progress 2>err >/dev/null
show err | grep '^ll-fetch: [0-9]*/' | tail -n1
ll-fetch --get --store raw2 list 2>err2 >/dev/null
wc -c <err2
