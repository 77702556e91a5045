# When the cloudtrail rows of a day fail to commit (here a file stands
# where the table's 2026-03-02 folder goes), the session rows already
# staged must not be published: the run fails (exit 3) naming the stage,
# no session review is written, and the summary says it was withheld.
# Once the obstacle is gone, the next run completes the lake as one
# undisturbed run would.
. "$TOP/tests/lib/lake.sh"
sample src
pipeline -D clean src/cloudtrail src/firehose
lake_digest clean/lake >clean.digest
mkdir -p lake/lake/cloudtrail
: >lake/lake/cloudtrail/calendarday=2026-03-02
pipeline -D lake src/cloudtrail src/firehose 2>err
echo "rc=$?"
grep -e '^ll-pipeline:' -e '^  failed' -e '^  session review' err |
    sed 's/(exit [0-9 ]*)/(exit N)/'
jq -c '{ok, failed_stages, review: .tables.session_review}' \
    lake/state/last-run/reconciliation.json
find lake/lake/session_review -type f 2>/dev/null | wc -l
wc -l <lake/state/processed.ndjson
rm lake/lake/cloudtrail/calendarday=2026-03-02
pipeline -D lake src/cloudtrail src/firehose
echo "rc=$?"
lake_digest lake/lake | cmp - clean.digest && echo "same lake"
