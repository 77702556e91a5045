# A write error on standard output is exit 3 with a message.
mkdir -p src && echo data >src/obj
ll-fetch --list src >/dev/full
echo "rc=$?"
ll-fetch --list src | ll-fetch --cat >/dev/full
echo "rc=$?"
