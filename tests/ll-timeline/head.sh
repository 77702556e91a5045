# Closing the pipe early ends the tool quietly.
python3 -c '
for i in range(200000):
    print("{\"eventtime\":\"2026-03-01T10:%02d:%02dZ\",\"n\":%d}" % (i // 60 % 60, i % 60, i))' |
    gzip -n >in.gz
ll-timeline -o ndjson in.gz | head -n1
