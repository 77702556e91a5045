# A last record without its newline is still a record.
mkdir -p src && echo data >src/obj
ll-fetch --list src | tr -d '\n' >in
ll-fetch --cat in
echo "rc=$?"
