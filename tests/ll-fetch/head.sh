# ll-fetch ignores SIGPIPE as curl does: a closed pipe is reported as
# "<stdout>: Broken pipe", exit 3.
mkdir -p src
seq 1 1000000 >src/big
ll-fetch --list src >list
{ ll-fetch --cat list; echo "rc=$?" >rc; } | head -n1
cat rc
