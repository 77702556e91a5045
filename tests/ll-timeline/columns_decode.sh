# Without indicators, -l decodes only the columns listed and those the
# common columns come from: a row whose unlisted column "bad" holds a
# time past year 9999 (which cannot be written as JSON) is rejected
# without -l, and written with it; the row after it is written either
# way.  With an indicator every column is decoded to be searched, so
# the row holding 7 is rejected again, and the next row matches 7 in
# its time 1970-01-01.
echo '[[1772359200000, 7, 300000000000000], [1772359201000, 8, 1]]' |
    python3 "$TOP/tests/lib/pqwrite.py" t.parquet \
    eventtime:millis,n:int,bad:millis
ll-timeline -o ndjson t.parquet
echo "rc=$?"
ll-timeline -o ndjson -l n t.parquet
echo "rc=$?"
ll-timeline -o ndjson -l n -g 7 t.parquet
echo "rc=$?"
