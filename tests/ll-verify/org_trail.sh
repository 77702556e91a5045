# An organization trail: objects under AWSLogs/o-ORG/ACCOUNT/, behind a
# bucket prefix, for two member accounts, checked in one run.  Every
# finding names the organization and the account.  A log file deleted
# from S3 before the fetch is missing; the digest that lists it says
# which hash it should have.
. "$TOP/tests/lib/verify.sh"
newkey k1
keys keys.json k1
for a in 222233334444 555566667777; do
	trail --bucket org-bucket --prefix audit/ct --org o-exampleorg1 \
	    --account $a --region eu-west-1 --trail org-trail \
	    --home us-east-1 --start 2026-03-01T22:10:00Z --hours 4 --key k1
done
find store -type d -name '2026' | sort
ll-verify -q -s store -k keys.json -o obj manifest.ndjson
echo "rc=$?"
jq -r '.status' obj | sort | uniq -c
f=$(cd store/org-bucket && ls audit/ct/AWSLogs/o-exampleorg1/555566667777/CloudTrail/eu-west-1/2026/03/02/* | head -n1)
rm -f "store/org-bucket/$f"
grep -v -F "$f" manifest.ndjson >m2
ll-verify -q -s store -k keys.json m2 >out
echo "rc=$?"
jq -c '{type, bucket, organization, account, region, trail,
    key,
    digest: (.digest | split("_") | .[5]), expected}' out
