# --flatten takes ll-splitjson's records and flattens them itself: the
# tables are byte for byte those of ll-flatten | ll-partition, in both
# formats, with the same counts (control messages, duplicates); the
# transcripts inside CloudWatch message strings are read without
# ll-splitjson --parse too, to the same Parquet files; a record the
# flattener rejects is reported and quarantined, and exit is 1.
python3 "$TOP/scripts/dev/gen-sample" --events 1200 raw >/dev/null
find raw/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort >ct.list
find raw/firehose -type f | sort >fh.list
xargs ll-splitjson -e Records -s source_object <ct.list >ct.rec
xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    -p message -s source_object <fh.list >cw.rec
for f in parquet json; do
	ll-flatten -T cloudtrail ct.rec | ll-partition -f $f -T cloudtrail \
	    -o a.$f >/dev/null
	ll-flatten -T cloudwatch -S fl.stats cw.rec |
	    ll-partition -f $f -T cloudwatch -o a.$f >/dev/null
	ll-partition -F -f $f -T cloudtrail -o b.$f ct.rec >/dev/null
	ll-partition --flatten -f $f -T cloudwatch -o b.$f -S b.stats \
	    cw.rec >/dev/null
	(cd a.$f && find . -type f | sort | xargs cksum) >a.sum
	(cd b.$f && find . -type f | sort | xargs cksum) >b.sum
	echo "$f: $(wc -l <a.sum) files, $(cmp -s a.sum b.sum && echo same \
	    || echo DIFFERENT)"
done
xargs ll-splitjson -e logEvents -k messageType,owner,logGroup,logStream \
    -s source_object <fh.list | ll-partition -F -T cloudwatch -o c >/dev/null
(cd c && find . -type f | sort | xargs cksum) >c.sum
(cd b.parquet && find ./cloudwatch -type f | sort | xargs cksum) >b.sum
cmp -s b.sum c.sum && echo "without --parse: same files"
rm -r c
jq -c .reasons fl.stats
jq -c '{reasons,rows_written}' b.stats
printf '%s\n' '{"eventID":"x1","eventTime":"2026-03-01T10:00:00Z"}' \
    '{"eventID":"x2","eventTime":"yesterday"}' \
    '{"eventID":"x3","eventTime":"2026-03-02T00:00:00+01:00"}' |
    ll-partition -F -T cloudtrail -o c -r rej
echo "rc=$?"
cat rej
ls c/cloudtrail
