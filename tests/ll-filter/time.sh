# Time comparisons: ISO-8601 strings (CloudTrail eventTime, with
# fractions and offsets) and epoch milliseconds (CloudWatch timestamp)
# against a day, a time, or a time with an offset.
cat >in <<'J'
{"k":1,"eventTime":"2026-02-28T23:59:59Z"}
{"k":2,"eventTime":"2026-03-01T00:00:00Z"}
{"k":3,"eventTime":"2026-03-01T09:59:59.999Z"}
{"k":4,"eventTime":"2026-03-01T11:00:00+01:00"}
{"k":5,"eventTime":"2026-03-01T10:00:00.001Z"}
{"k":6,"eventTime":"yesterday"}
{"k":7,"timestamp":1772359199999}
{"k":8,"timestamp":1772359200000}
{"k":9,"timestamp":"1772359200000"}
{"k":10,"eventTime":"2026-03-02T00:00:00+00:00"}
J
for t in '.eventTime >= 2026-03-01' '.eventTime < 2026-03-01' \
    '.eventTime >= 2026-03-01T10:00:00Z' '.eventTime > 2026-03-01T10:00Z' \
    '.eventTime <= 2026-03-01T11:00:00+01:00' \
    '.eventTime >= 2026-03-01T05:00:00-05:00' \
    '.timestamp >= 2026-03-01T10:00:00Z' '.timestamp < 2026-03-01T10:00:00Z' \
    '.timestamp >= 1772359200000'; do
	printf '%-42s %s\n' "$t" "$(ll-filter -w "$t" in | jq -r .k |
	    tr '\n' ' ')"
done
echo "range: $(ll-filter -w '.eventTime >= 2026-03-01' \
    -w '.eventTime < 2026-03-02' in | jq -r .k | tr '\n' ' ')"
