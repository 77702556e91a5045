# A generated lake of two days, in small row groups: the same records,
# in the same order, whatever the number of threads, and whether a day
# is sorted in memory or through runs on disk; and the same rows that
# ll-filter --grep finds in the same files.  (A dictionary's matches are
# remembered by the dictionary's number, which must differ across
# files, row groups and threads.)
"$TOP/scripts/dev/gen-sample" --events 3000 --days 2 --start 2026-03-01 \
    raw >/dev/null
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort |
    xargs ll-splitjson -e Records -s source_object |
    ll-partition -F -T cloudtrail -o lake -b 256K >/dev/null
find raw/firehose -type f | sort |
    xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    -p message -s source_object |
    ll-partition -F -T cloudwatch -o lake -b 64K >/dev/null
ip=$(jq -r .example_session.source_ip raw/expected.json)
sid=$(jq -r .example_session.sessionid raw/expected.json)
printf '%s\n' "$ip" "$sid" 10.0.3.17 >ind
ll-timeline -D lake -I ind -j 1 -o ndjson -S s1.json >j1
echo "rc=$?"
ll-timeline -D lake -I ind -j 3 -o ndjson >j3
echo "rc=$?"
ll-timeline -D lake -I ind -j 2 -b 1M -o ndjson -S s2.json >b1
echo "rc=$?"
cmp j1 j3 && echo "threads: same"
cmp j1 b1 && echo "on disk: same"
jq '.rowgroups > 6' s1.json
jq '.bytes_sorted_on_disk == 0' s1.json
ll-timeline -D lake -j 2 -b 1M -o ndjson -S s2.json | md5sum >all.disk
ll-timeline -D lake -j 1 -o ndjson -S s1.json | md5sum >all.mem
cmp all.disk all.mem && echo "every row, on disk: same"
jq '.bytes_sorted_on_disk > 1000000' s2.json
# The same rows as ll-filter finds, and in time order.
ll-filter -g "$ip" -g "$sid" -g 10.0.3.17 lake/*/*/*.parquet |
    jq -r '.eventid // .event_id' | sort >f.ids
jq -r '.record.eventid // .record.event_id' j1 | sort >t.ids
echo "$(wc -l <t.ids) rows; as ll-filter: $(cmp -s f.ids t.ids && echo yes)"
jq -r .time j1 | sort -c && echo "in order"
