# A record over 10 MiB (a long field the tool does not use) is read whole.
python3 -c '
import json
print(json.dumps({"partition": {"calendarday": "2026-03-01"}, "location": "s3://a/", "note": "x" * 11000000}))' |
    ll-register -P -T t
echo "rc=$?"
