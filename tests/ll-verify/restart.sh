# Turning log file validation (or logging) off and on again restarts
# the chain: the first digest after it names no previous one.  The
# hours in between have no digest; that is one finding, a gap, and the
# log files of the gap are covered by none (they are not reported one
# by one).  Log files from before validation was first turned on are
# in no digest either, rightly, and are not findings.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
trail --account $ACCT --region us-east-1 --start 2026-03-01T00:36:49Z \
    --hours 5 --key k1 --restart 2
# Log files of the gap, and of the hour before the chain began.
python3 - <<'PY'
import gzip, os
for name in ["20260301T0300Z_GAPGAPGAPGAPGAP1", "20260301T0010Z_EARLYEARLYEARLY1"]:
    d = "store/trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01"
    p = "%s/111122223333_CloudTrail_us-east-1_%s.json.gz" % (d, name)
    open(p, "wb").write(gzip.compress(b'{"Records":[]}\n', mtime=0))
PY
ll-verify -q -s store -k keys.json -S st manifest.ndjson >out
echo "rc=$?"
jq -c '{type, key: (.key | split("_") | .[5]), digest: (.digest | split("_") | .[5]),
    expected, found, reason}' out
jq -c '{log_files_not_covered, log_files_before_validation, log_files_pending}' st
