# --cat requests exactly the key named: "a/../b", "./x" and "a/./c" are
# objects of their own on S3, and their dot segments are sent as they
# are, not resolved by libcurl into "b", "x" and "a/c", three other
# objects.  A file:// path that cannot be read as named (a dot segment
# the file system would resolve) is refused, counted, and kept in the
# --failures file; the other objects are still written.
printf '%s\t%s\n' 'a/../b' 'the object a/../b' 'b' 'not this: b' \
    './x' 'the object ./x' 'x' 'not this: x' \
    'a/./c' 'the object a/./c' 'a/c' 'not this: a/c' >objects
rm -f port
python3 "$TOP/tests/lib/fakes3.py" port plain objects >requests &
stub=$!
while [ ! -f port ]; do sleep 0.05; done
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_ENDPOINT_URL_S3
export AWS_ENDPOINT_URL=http://127.0.0.1:$(cat port)
ll-fetch -q --list s3://verbatim-bucket/ >list
echo "rc=$?"
grep -e '\.\./' -e '\./' list | ll-fetch -q --cat
echo "rc=$?"
kill $stub
wait $stub 2>/dev/null
grep -v list-type requests | sort
echo "== file://"
mkdir -p src/sub
echo "src/b" >src/b
echo "src/sub/c" >src/sub/c
{
	printf '{"url":"file://%s/src/sub/../b","bucket":"src","key":"sub/../b"}\n' "$PWD"
	printf '{"url":"file://%s/src/./b","bucket":"src","key":"./b"}\n' "$PWD"
	printf '{"url":"file://%s/src/sub/c","bucket":"src","key":"sub/c"}\n' "$PWD"
} >local
ll-fetch -q --cat -F fail -S st local 2>err
echo "rc=$?"
sed "s|$PWD|PWD|" err >&2
sed "s|$PWD|PWD|" fail
jq -c '{written, failed, rejected, reasons}' st
