# Bad records are reported with their line, counted and quarantined
# (--reject); the good ones are stored and the exit status is 1.
mkdir -p src/d && echo one >src/d/a && echo two >src/d/b
ll-fetch --list src >list
{
	sed -n 1p list
	echo 'not json'
	echo '[1,2]'
	echo '{"size":3}'
	echo '{"url":"http://example.invalid/x"}'
	echo '{"url":"s3://bucket"}'
	echo '{"url":"s3://Bad_Bucket/key"}'
	echo '{"url":"s3://bkt/a/../b","bucket":"bkt","key":"a/../b"}'
	echo '{"url":"s3://bkt//b"}'
	echo '{"url":"s3://bkt/x","bucket":"other"}'
	echo '{"url":"file:///nonexistent/x"}'
	echo '{"url":"s3://bkt/folder/","size":0}'
	echo
	sed -n 2p list
} >in
ll-fetch --get --store raw --reject rej --stats st in >man
echo "rc=$?"
jq -r '[.status, .error] | @tsv' man | sort
cat rej
jq -c '{records_in, rejected, reasons, stored, folder_markers}' st
find raw/src -type f | sort
