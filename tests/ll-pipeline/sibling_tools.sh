# Run from a checkout with no Log Lake tool on PATH, scripts/ll-pipeline
# runs its sibling tools (../bin) and builds the lake.  A copy of the
# script with no tools beside it fails at once, clearly, exit 3, having
# created nothing.
. "$TOP/tests/lib/lake.sh"
sample src
env PATH=/usr/bin:/bin "$TOP/scripts/ll-pipeline" -q -f 2026-03-01 \
    -t 2026-03-02 -D lake src/cloudtrail src/firehose
echo "rc=$?"
jq -c '{ok, ct: .tables.cloudtrail.rows_written,
    cw: .tables.cloudwatch.rows_written}' lake/state/last-run/reconciliation.json
mkdir alone
cp "$TOP/scripts/ll-pipeline" alone/
env PATH=/usr/bin:/bin alone/ll-pipeline -D lake2 src/cloudtrail 2>err
echo "rc=$?"
cat err
[ -e lake2 ] || echo "nothing created"
