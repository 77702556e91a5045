# Values the pipeline writes into its own JSON records are escaped: a
# '"' and a '\' in -L, and in the lake's path when -L is not given, make
# valid partition records, so the run is ok, everything is remembered
# as processed and the next run does no work (an unescaped quote made
# every run fail).
. "$TOP/tests/lib/lake.sh"
sample src --days 1
loc='s3://lake/a"b\c'
pipeline -D lake -L "$loc" src/cloudtrail src/firehose
echo "rc=$?"
run=lake/state/last-run
jq -r .location $run/parts.session_review
jq -r .location $run/parts.cloudtrail | sed -n 1p
pipeline -D lake -L "$loc" src/cloudtrail src/firehose
echo "rc=$?"
jq -c '{new: .objects.new, ok}' $run/reconciliation.json
pipeline -D 'we"ird\dir' src/cloudtrail
echo "rc=$?"
jq -r .location 'we"ird\dir/state/last-run/parts.session_review' |
    sed "s|^$PWD/||"
