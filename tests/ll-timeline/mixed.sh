# Bad input between good: each bad line is reported with file and line
# and counted, a row without a usable time too (it cannot be placed),
# a damaged Parquet page stops its row group with a message, a file
# that is not Parquet at all is refused; every good row still comes
# out, and the exit status is 1.
. "$TOP/tests/lib/timeline.sh"
mklake .
printf '%s\n' '{"eventtime":"2026-03-01T09:00:00Z","a":"10.0.3.17"}' \
    '{"eventtime":"2026-03-01T09:00:01Z","a":10.0.3.17}' \
    '["10.0.3.17"]' '{"eventtime":"yesterday","a":"10.0.3.17"}' \
    '{"a":"10.0.3.17"}' '' '{"eventtime":1772355600000,"a":"10.0.3.17"}' \
    >in
ll-timeline -g 10.0.3.17 -o ndjson -r rej -S stats.json in >out
echo "rc=$?"
jq -c '[.time, .table, .record.a]' out
cat rej
jq -c '{records_in, records_out, rejected, reasons}' stats.json
# A page of eventname garbled: its row group stops; the other files and
# tables are read.
f=$(ls lake/cloudtrail/calendarday=2026-03-01/*.parquet)
python3 - "$f" <<'X'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
i = b.find(b"\x1f\x8b", 4)          # the first gzip page
for j in range(i + 20, i + 40):
    b[j] ^= 0x5a
open(p, "wb").write(b)
X
printf 'PAR1 but not Parquet\n' >lake/cloudwatch/calendarday=2026-03-02/bad.parquet
ll-timeline -D lake -o ndjson -S stats.json >out
echo "rc=$?"
jq -r '[.time, .table] | @tsv' out
jq -c '{records_in, records_out, rejected, reasons}' stats.json
