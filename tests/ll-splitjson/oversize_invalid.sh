# A record over --max-record-bytes that is also invalid JSON: each
# oversized record is reported, with the byte its record starts at, and
# the one after the invalid one is not skipped in silence.
x=$(head -c 3000000 /dev/zero | tr '\0' x)
printf '{"a":"%s" BAD}\n{"b":"%s"}\n{"c":1}\n' "$x" "$x" >ov.json
ll-splitjson -M 1M -S st ov.json
echo "rc=$?"
jq -c '{records_in, records_out, rejected, reasons}' st
