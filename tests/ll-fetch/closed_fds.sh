# Like curl, ll-fetch opens /dev/null on closed standard descriptors,
# so that no store file can become "standard output" (cron).
mkdir -p src && echo data >src/obj
ll-fetch --list src >list
ll-fetch --get --store raw list >&- 2>&-
echo "rc=$?"
cat raw/src/obj
ls -A raw/.ll-fetch.tmp | wc -l
