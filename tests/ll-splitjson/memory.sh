# 200 MB streamed through as one {"Records":[...]} document and as NDJSON:
# every record comes out and peak memory stays under 64 MB either way.
gen() {
	python3 -c '
import sys
out = sys.stdout.buffer
rec = b"{\"eventName\":\"GetObject\",\"n\":12345,\"s\":\"" + b"x" * 200 + b"\"}"
doc = sys.argv[1] == "doc"
block = (rec + (b"," if doc else b"\n")) * 4000
if doc:
    out.write(b"{\"Records\":[")
for i in range(200):
    out.write(block)
if doc:
    out.write(rec + b"]}\n")' "$@"
}
gen doc | /usr/bin/time -f %M -o rss1 ll-splitjson -e Records | wc -l
gen lines | /usr/bin/time -f %M -o rss2 ll-splitjson | wc -l
tail -n1 rss1 | awk '{ print ($1 < 65536) }'
tail -n1 rss2 | awk '{ print ($1 < 65536) }'
