# A listing that fails (here a local source that does not exist) makes
# the run not ok, exit 3: the summary, printed even with -q, and
# reconciliation.json name the failed stage and invent no share.  With a
# good source beside it, what that one listed is processed and
# remembered, so the next run over it alone does no work.  A run that
# is ok stays quiet with -q.
. "$TOP/tests/lib/lake.sh"
sample src
pipeline -D one nowhere 2>err
echo "rc=$?"
sed 's/run [0-9TZ-]*:/run RUN:/; s|/[^ ]*/nowhere|DIR/nowhere|' err
jq -c '{ok, failed_stages, share, shares, listed: .objects.listed}' \
    one/state/last-run/reconciliation.json
echo "== beside a good source"
pipeline -D two nowhere src/cloudtrail 2>err
echo "rc=$?"
grep -e '^ll-' -e '^  failed' err | sed 's/run [0-9TZ-]*:/run RUN:/'
jq -c '{ok, failed_stages, share, processed: .objects.states.processed.objects}' \
    two/state/last-run/reconciliation.json
pipeline -D two src/cloudtrail 2>err
echo "rc=$? stderr=$(wc -c <err)"
jq -c '{ok, new: .objects.new, already: .objects.already_processed}' \
    two/state/last-run/reconciliation.json
