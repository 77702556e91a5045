# Closing the pipe early ends the tool quietly (the data is committed).
python3 -c '
for d in range(1, 400):
    print("{\"eventid\":\"%d\",\"calendarday\":\"2020-01-01-%03d\"}" % (d, d))' >in
ll-partition -T cloudtrail -o out -N 4 in | head -n1 | jq -c .partition
ls out/cloudtrail | wc -l
