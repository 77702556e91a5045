# A listing that fails against S3 (a local moto_server, behind a proxy
# that checks signatures as S3 does, or answers HTTP 500): a missing
# bucket, a wrong secret, a refused connection, HTTP 500 on every
# request.  Each run is not ok and exits 3; the summary, printed even
# with -q, and reconciliation.json name the failed listing and give no
# share.  The same bucket with the right key is ok.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/lake.sh"
moto_start
sample src --days 1
seed tree cloudtrail src/cloudtrail >/dev/null
printf '* 500 always\n' >plan
proxy_start --plan plan
failing=$PROXY_URL
proxy_start --verify "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"
export AWS_ENDPOINT_URL="$PROXY_URL"
# try NAME DIR [VAR=VALUE ...]: a run over the bucket, in a subshell
# (dash keeps assignments made before a function call).
try() {
	name=$1 dir=$2
	shift 2
	(export "$@"; pipeline -D "$dir" s3://cloudtrail/AWSLogs/ 2>err)
	echo "$name: rc=$?, summary: $(grep -c 'NOT OK' err)," \
	    "$(jq -c '{ok, failed_stages, share}' "$dir/state/last-run/reconciliation.json")"
}
pipeline -D a s3://no-such-bucket/AWSLogs/ 2>err
echo "missing bucket: rc=$?, summary: $(grep -c 'NOT OK' err)," \
    "$(jq -c '{ok, failed_stages, share}' a/state/last-run/reconciliation.json)"
try "wrong secret" b AWS_SECRET_ACCESS_KEY=Wrong/Secret
try "refused connection" c AWS_ENDPOINT_URL=http://127.0.0.1:$(free_port)
try "HTTP 500" d AWS_ENDPOINT_URL="$failing"
try "right key" e LL_UNUSED=1
