# A bucket in another region than AWS_REGION: S3 answers 301 naming the
# bucket's region in x-amz-bucket-region.  ll-fetch re-signs for that
# region and asks again, without using up a retry; listing, --get and
# --cat all work.  A server that names the region asked for already
# gets the error, with the region, as before.
. "$TOP/tests/lib/moto.sh"
moto_start
for o in a b c; do
	printf '{"key":"r/obj-%s","data":"%s"}\n' $o "$o"
done | seed put far-bucket
proxy_start --log proxy.log --region eu-west-1
export AWS_ENDPOINT_URL="$PROXY_URL" AWS_REGION=us-east-1
ll-fetch --list --retries 0 s3://far-bucket/ >list
echo "list rc=$? objects=$(wc -l <list)"
ll-fetch --get --store raw --retries 0 --stats st <list >man
echo "get rc=$?"
jq -r '[.path, .status] | @tsv' man | sort
jq -c '{stored, failed}' st
ll-fetch --cat --retries 0 list
echo " cat rc=$?"
awk '{ print $3, $4 }' proxy.log | sort | uniq -c
ll-fetch -v --list s3://far-bucket/ 2>&1 >/dev/null | sed 's/:[0-9]*$//'
# Unsigned requests (--no-sign-request, credentials or not) carry no
# region, so this server keeps answering 301: the second answer names
# the region already asked, and that is the error, after two requests,
# not a loop.
: >proxy.log
ll-fetch --no-sign-request --list --retries 0 s3://far-bucket/ >/dev/null
echo "unsigned rc=$? requests=$(wc -l <proxy.log)"
