# Raw objects, without a lake: CloudTrail records and CloudWatch log
# events from ll-splitjson, piped in or as files, each table guessed
# from the record.  The common columns of a raw CloudTrail record are
# those of its readready row, so both searches agree.
"$TOP/scripts/dev/gen-sample" --events 800 --days 1 --start 2026-03-01 \
    raw >/dev/null
ip=$(jq -r .example_session.source_ip raw/expected.json)
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort |
    xargs ll-splitjson -e Records -s source_object >ct.ndjson
find raw/firehose -type f | sort |
    xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    -p message -s source_object >cw.ndjson
ll-partition -F -T cloudtrail -o lake ct.ndjson >/dev/null
cat ct.ndjson cw.ndjson | ll-timeline -x -g "$ip" -g 10.0.3.17 -o ndjson >r
echo "rc=$?"
jq -r .table r | sort | uniq -c
cols='[.time, .account, .region, .principal, .address, .stream, .action,
    .outcome, .source_object]'
jq -c "select(.table == \"cloudtrail\") | $cols" r | sort >raw.cols
ll-timeline -D lake -x -g "$ip" -g 10.0.3.17 -o ndjson | jq -c "$cols" | sort >lake.cols
echo "$(wc -l <raw.cols) CloudTrail rows; common columns as the lake's: $(cmp -s raw.cols lake.cols && echo yes)"
# A file given keeps its records' tables; -T names them.
ll-timeline -T mytable -g "$ip" -o ndjson ct.ndjson | jq -r .table | uniq -c
jq -c 'select(.table == "cloudwatch") | [.time, .principal, .stream, .action] ' r |
    head -n2
