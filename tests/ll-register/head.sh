# Closing the pipe early ends the tool quietly.
python3 -c '
for d in range(200000):
    print("{\"partition\":{\"calendarday\":\"d%d\"},\"location\":\"s3://a/%d/\"}" % (d, d))' |
    gzip -n >parts.gz
ll-register -P -T t parts.gz | head -n1
