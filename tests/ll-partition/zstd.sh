# --codec zstd writes the same rows as gzip, only compressed otherwise:
# DuckDB reads both to the same counts and cell checksums and names the
# codec of every chunk; our own reader (ll-filter) makes the same
# records of both; --encoders 1 and 2 write the same bytes with zstd
# too, at the default level and at -z 1.  A generated workload with 52
# event names and large request parameters, several days and row
# groups, files rolled at a size.
. "$TOP/tests/lib/duckdb.sh"
gen-sample --events 3000 --names 52 --large-share 0.2 --large-bytes 3000 \
    --invocations 0 raw >/dev/null
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort |
    xargs ll-splitjson -e Records -s source_object >in
ll-partition -F -b 256K -s 400K -T cloudtrail -o gz in >/dev/null
echo "gzip rc=$?"
ll-partition -F -c zstd -b 256K -s 400K -T cloudtrail -o zs in >/dev/null
echo "zstd rc=$?"
ll-partition -F --codec=zstd --encoders 1 -b 256K -s 400K -T cloudtrail \
    -o zs1 in >/dev/null
echo "zstd --encoders 1 rc=$?"
ll-partition -F -c zstd -z 1 -b 256K -s 400K -T cloudtrail -o l1 in >/dev/null
ll-partition -F -c zstd -z 1 --encoders 1 -b 256K -s 400K -T cloudtrail \
    -o l1e1 in >/dev/null
for d in gz zs zs1 l1 l1e1; do
	find "$d" -name '*.parquet' | sort >"$d.files"
done
wc -l <gz.files | tr -d ' '
diff -r zs zs1 && echo "zstd: same bytes with --encoders 1"
diff -r l1 l1e1 && echo "zstd -z 1: same bytes with --encoders 1"
cmp -s "$(head -n1 zs.files)" "$(head -n1 l1.files)" ||
    echo "-z 1 differs from -z 3"
# DuckDB: the codec of every chunk, then rows and a checksum of every cell.
for d in gz zs l1; do
	q "SELECT list(DISTINCT compression ORDER BY compression)
	    FROM parquet_metadata('$d/cloudtrail/*/*.parquet')" \
	    "SELECT count(*), count(DISTINCT eventid), count(DISTINCT eventname),
	    sum(hash(to_json(t)::VARCHAR)), max(length(requestparameters))
	    FROM read_parquet('$d/cloudtrail/*/*.parquet',
	    hive_partitioning = false) t" >"$d.duck"
	echo "$d: $(head -n1 "$d.duck")"
	tail -n1 "$d.duck" >"$d.cells"
done
jq -c '.[0:3] + .[4:]' gz.cells
cmp -s gz.cells zs.cells && cmp -s gz.cells l1.cells &&
    echo "DuckDB: gzip and zstd, same cells"
# Our reader: every record of every file, sorted, the same.
for d in gz zs l1; do
	xargs ll-filter <"$d.files" | sort >"$d.rows"
	echo "$d: rc=$? $(wc -l <"$d.rows" | tr -d ' ') records"
done
cmp gz.rows zs.rows && cmp gz.rows l1.rows && echo "ll-filter: same records"
# Usage: an unknown codec, a level out of the codec's range, a codec
# with JSON lines.
for a in "-c lz4" "-c ZSTD" "-c zstd -z 20" "-z 13" "-c zstd -f json"; do
	# shellcheck disable=SC2086
	ll-partition $a -T cloudtrail -o bad in >/dev/null 2>err
	echo "$a: rc=$? $(cat err)"
done
[ ! -e bad ] && echo "nothing written"
# A damaged ZSTD page (its frame's magic number gone) is an error that
# says so, never a crash or made-up rows.
f=$(head -n1 zs.files)
python3 - "$f" bad.parquet <<'X'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
m = b.index(b"\x28\xb5\x2f\xfd")
b[m:m + 4] = b"\0\0\0\0"
open(sys.argv[2], "wb").write(b)
X
ll-filter bad.parquet >bad.rows 2>bad.err
echo "damaged: rc=$? $(wc -l <bad.rows | tr -d ' ') records"
sed 's/at byte [0-9]*/at byte N/' bad.err
