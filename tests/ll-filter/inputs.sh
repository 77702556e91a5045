# Files are decompressed by content and read in turn; a missing file is
# reported (exit 3) without stopping the others; "-" is standard input;
# CRLF lines pass byte for byte; --stats adds up.
printf '%s\n' '{"k":1,"eventName":"StartSession"}' '{"k":2}' | gzip -n >a.gz
printf '{"k":3,"eventName":"StartSession"}\r\n{"k":4}\r\n' >b
printf '{"k":5,"eventName":"StartSession"}\n' |
    ll-filter -w '.eventName = StartSession' -S stats.json a.gz missing - b >out
echo "rc=$?"
od -An -c out | tr -s ' '
jq -c '{records_in,records_out,rejected,blank_lines,removed}' stats.json
ct=$FIXTURES/bucket/AWSLogs/o-exampleorg/111122223333/CloudTrail
ll-splitjson -e Records "$ct"/us-east-1/2026/03/01/*.json.gz |
    ll-filter -w '.eventName ^= Assume' -u | jq -r .eventName | sort | uniq -c
