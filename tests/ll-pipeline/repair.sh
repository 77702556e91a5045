# A run that fails is repaired by the next: here the session review
# fails (a stand-in ll-join, beside a copy of the pipeline, that exits 3
# when asked to aggregate) after
# the tables are written, in a directory with a space in its name and
# with -L missing its final slash.  The failed run exits 3 and marks
# nothing processed; the next reprocesses the objects (all rows are
# duplicates now), yet still reviews every day and registers every
# partition, and the lake equals an undisturbed run's.  Then a download
# that fails: the other objects go on (exit 1), the failed one is left
# for the next run, which completes the lake.
. "$TOP/tests/lib/lake.sh"
sample src
pipeline -D clean src/cloudtrail src/firehose
lake_digest clean/lake >clean.digest

installed shim
rm shim/ll-join
cat >shim/ll-join <<'S'
#!/bin/sh
case "$*" in *transcript=*) exit 3 ;; esac
exec "$TOP/bin/ll-join" "$@"
S
chmod +x shim/ll-join
LL_PIPELINE=shim/ll-pipeline pipeline -D "sp ace" -L s3://lake/rr \
    src/cloudtrail src/firehose 2>err
echo "failed run: rc=$? processed=$(wc -l <"sp ace/state/processed.ndjson")"
grep -o 'session review [0-9-]* failed' err | sort -u
pipeline -D "sp ace" -L s3://lake/rr src/cloudtrail src/firehose
echo "next run: rc=$? processed=$(wc -l <"sp ace/state/processed.ndjson")"
lake_digest "sp ace/lake" | cmp - clean.digest && echo "same lake"
sed -n 's/.*LOCATION \(.*\);/\1/p' "sp ace/state/last-run/partitions.sql" |
    sed 's/calendarday=[0-9-]*/DAY/' | sort | uniq -c

cp -r src src2
victim=$(find src2/cloudtrail -path '*/CloudTrail/*' -name '*.json.gz' | sort | sed -n 3p)
installed shim2
rm shim2/ll-fetch
cat >shim2/ll-fetch <<'S'
#!/bin/sh
case "$*" in *todo.cloudtrail*) rm -f "$VICTIM" ;; esac
exec "$TOP/bin/ll-fetch" "$@"
S
chmod +x shim2/ll-fetch
VICTIM=$victim LL_PIPELINE=shim2/ll-pipeline pipeline -D part \
    src2/cloudtrail src2/firehose 2>err
echo "download failed: rc=$? processed=$(wc -l <part/state/processed.ndjson)"
sed "s|^ll-fetch: .*/todo|ll-fetch: RUN/todo|; s/:[0-9]*: /:N: /; s|$PWD|.|; s/run [0-9TZ-]*:/run RUN:/" err
cp "src/${victim#src2/}" "$victim"
pipeline -D part src2/cloudtrail src2/firehose
echo "next run: rc=$? processed=$(wc -l <part/state/processed.ndjson)"
lake_digest part/lake | sed 's/ [0-9]*$//' >part.digest
sed 's/ [0-9]*$//' clean.digest | cmp - part.digest && echo "same rows per day"
