# Hostile listing answers.  One whose root is an unknown empty element ("<x/>"):
# expat reported its end after the parser was stopped, and the depth
# went to -1 and indexed the element stack (UBSan; found by
# fuzz_s3list, input kept in tests/fuzz/corpus/s3list/crash-*).  Now a
# clean remote error (exit 4).  The server is python's http.server on
# 127.0.0.1, which answers any query on /bkt/ with bkt/index.html.
mkdir -p srv/bkt srv/nul
printf '<yType/>' >srv/bkt/index.html
# And a key that decodes to a NUL ("%00"), which no S3 key holds and
# which cut the key short (fuzz_s3list again, crash-nul-key).
printf '<ListBucketResult><EncodingType>url</EncodingType>' \
    >srv/nul/index.html
printf '<Contents><Key>a%%00b</Key><Size>1</Size></Contents>' \
    >>srv/nul/index.html
printf '</ListBucketResult>' >>srv/nul/index.html
port=$(python3 -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server -b 127.0.0.1 -d srv "$port" >http.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
python3 -c 'import socket, sys, time
for i in range(200):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2)
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)' "$port"
AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_ACCESS_KEY_ID=x \
    AWS_SECRET_ACCESS_KEY=y AWS_REGION=us-east-1 ll-fetch -l -n 0 s3://bkt/
echo "rc=$?"
AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_ACCESS_KEY_ID=x \
    AWS_SECRET_ACCESS_KEY=y AWS_REGION=us-east-1 ll-fetch -l -n 0 s3://nul/
echo "rc=$?"
