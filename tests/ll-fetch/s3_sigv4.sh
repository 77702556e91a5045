# SigV4 against a signature-checking moto_server: a listing of more
# than 1,000 keys (two pages), every object fetched, and a wrong
# secret answered 403, exit 4, with no secret in any message.
. "$TOP/tests/lib/moto.sh"
moto_start auth
seed many sig-bucket "logs/obj " 1100
ll-fetch --list --stats lst s3://sig-bucket >list
echo "rc=$?"
wc -l <list
jq -c '{records_out, list_requests}' lst
jq -r .key list | sort | sed -n '1p;$p'
ll-fetch --get --store raw --stats gst <list >man
echo "rc=$?"
jq -c '{stored, failed}' gst
find raw/sig-bucket -type f | wc -l
cat "raw/sig-bucket/logs/obj 01099"
echo "== a wrong secret"
secret=$AWS_SECRET_ACCESS_KEY
AWS_SECRET_ACCESS_KEY=x$secret ll-fetch --verbose --list s3://sig-bucket \
    2>err1
echo "rc=$?"
sed 's/key \.\.\.[A-Z0-9]\{4\}$/key .../' err1 >&2
head -n1 list | AWS_SECRET_ACCESS_KEY=x$secret ll-fetch --verbose --get \
    --store raw2 >man2 2>err2
echo "rc=$?"
sed 's/key \.\.\.[A-Z0-9]\{4\}$/key .../' err2 >&2
jq -r .status man2
grep -c -F -e "$secret" man2 err1 err2 || true
