# A Parquet value that cannot be written as JSON (a time past year
# 9999) rejects its row, named by row number and counted; the rows
# after it are read (they were skipped with the rest of the file).
echo '[[1772359200000, 1], [1772359201000, 300000000000000],
    [1772359202000, 3]]' |
    python3 "$TOP/tests/lib/pqwrite.py" t.parquet eventtime:millis,bad:millis
ll-filter --stats stats t.parquet >out
echo "rc=$?"
jq -c . out
jq -c '{records_in, records_out, rejected, reasons}' stats
