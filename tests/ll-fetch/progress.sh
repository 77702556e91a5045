# --progress shows objects and bytes done, rate and ETA on standard
# error; --quiet and a non-terminal show nothing.
mkdir -p src && seq 1 1000 >src/a && seq 1 2000 >src/b
ll-fetch --list src >list
ll-fetch --get --store raw --progress list 2>err >/dev/null
echo "rc=$?"
tr '\r' '\n' <err | grep . | tail -n1 | sed 's/[0-9.]* obj\/s, [0-9.]* MB\/s/R/; s/ *$//'
ll-fetch --get --store raw2 list 2>err2 >/dev/null
wc -c <err2
