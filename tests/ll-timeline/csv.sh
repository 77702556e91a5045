# CSV for a report: a header, RFC 4180 quoting (commas, quotes, CR and
# LF in a cell), CRLF line ends, the full record last; a cell that a
# spreadsheet would run as a formula starts with an apostrophe.  Python's
# csv module reads back every cell as the NDJSON has it.
cat >in <<'X'
{"eventtime":"2026-03-01T10:00:00Z","eventname":"Run, \"quoted\"","useridentity_arn":"=HYPERLINK(\"http://x\")","sourceipaddress":"10.0.3.17","errorcode":"line1\nline2\r\nline3","awsregion":"@SUM(A1)","recipientaccountid":"-1+2","source_object":"+cmd|' /C calc'!A0"}
{"eventtime":"2026-03-01T10:00:01Z","eventname":"\ttab","sourceipaddress":"10.0.3.17","useridentity_arn":"caf\u00e9 \u202eevil"}
X
ll-timeline -T cloudtrail -g 10.0.3.17 -o csv in >out.csv
echo "rc=$?"
od -c out.csv | sed -n '1,4p'
cat out.csv
ll-timeline -T cloudtrail -g 10.0.3.17 -o ndjson in >out.ndjson
python3 - <<'X'
import csv, json
rows = list(csv.DictReader(open("out.csv", newline="")))
nd = [json.loads(l) for l in open("out.ndjson")]
def text(v):
    return "" if v is None else " ".join(v) if isinstance(v, list) else \
        json.dumps(v, separators=(",", ":"), ensure_ascii=False) if isinstance(v, dict) else v
for r, n in zip(rows, nd):
    for k, v in r.items():
        if k == "record":
            v, n[k] = json.loads(v), json.loads(json.dumps(n[k]))
        want = n[k] if k == "record" else text(n[k])
        if v != want and not (k != "record" and v.startswith("'") and
                v[1:] == want):
            print("differs", k, repr(v), repr(want))
print(len(rows), "rows read back")
X
# No rows: the header alone.
ll-timeline -T cloudtrail -o csv </dev/null
