# A transcript of 12 MiB (a row over 10 MiB) is on the page whole: its
# JSON block holds every byte, the Markdown text every line.
. "$TOP/tests/ll-report/lib/common.sh"
python3 -c '
import json
t = "\n".join("$ echo %07d <b>" % i for i in range(12 * 1024 * 1024 // 20))
print(json.dumps({"eventtime": "2026-03-01T10:00:00Z", "eventid": "big",
    "useridentity_arn": "arn:aws:iam::1:user/big", "transcript": t,
    "transcript_lines": t.count("\n") + 1}))
print(json.dumps({"eventtime": "2026-03-01T11:00:00Z", "eventid": "small"}))
' >in.ndjson
wc -c <in.ndjson
pages -o out in.ndjson
jq .commands summary.ndjson
grep -o '\\u003cb\\u003e' out/unassigned/review.html | wc -l
grep -c '^\$ echo [0-9]* <b>$' out/unassigned/review.md
