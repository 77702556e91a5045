# Stored objects are read-only, at most 0444 less the umask; folders
# 0777 less the umask; the --failures and --stats files 0666 less it.
cp -R "$FIXTURES/bucket" .
ll-fetch --list bucket >list
echo '{"url":"file:///nonexistent/x","bucket":"b","key":"x"}' >>list
for m in 077 022 027; do
	echo "== umask $m"
	(umask $m && ll-fetch --get --store raw$m -F fail$m -S st$m \
	    <list >/dev/null 2>&1)
	echo "rc=$?"
	echo "objects: $(find raw$m -type f -printf '%m\n' | sort | uniq -c)"
	echo "folders: $(find raw$m -type d -printf '%m\n' | sort | uniq -c)"
	stat -c '%a %n' raw$m/bucket/AWSLogs fail$m st$m
done
