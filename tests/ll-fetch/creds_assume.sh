# A profile with role_arn and source_profile: the source profile's
# static keys sign STS AssumeRole (moto, checking signatures), with
# role_session_name, external_id and duration_seconds; the role's
# temporary credentials sign the S3 requests, which moto checks too.
# The region comes from the profile when AWS_REGION is unset.  A wrong
# source key is an error naming the profile and STS's answer.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start auth
seed many role-bucket "r/" 4
python3 - "$MOTO_URL" <<'PY'
import json, sys
import boto3
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
iam.create_role(RoleName="reader", AssumeRolePolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}))
iam.put_role_policy(RoleName="reader", PolicyName="all",
                    PolicyDocument=json.dumps({"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "*",
                                   "Resource": "*"}]}))
PY
key=$AWS_ACCESS_KEY_ID secret=$AWS_SECRET_ACCESS_KEY
creds_clean
unset AWS_REGION
cat >config <<EOC
[profile audit]
role_arn = arn:aws:iam::123456789012:role/reader
source_profile = base
role_session_name = ll-audit
external_id = ext-42
duration_seconds = 900
region = us-east-1

[profile broken]
role_arn = arn:aws:iam::123456789012:role/reader
source_profile = wrongkey
EOC
cat >credentials <<EOC
[base]
aws_access_key_id = $key
aws_secret_access_key = $secret

[wrongkey]
aws_access_key_id = $key
aws_secret_access_key = not-$secret
EOC
export AWS_CONFIG_FILE="$PWD/config" AWS_SHARED_CREDENTIALS_FILE="$PWD/credentials"
AWS_PROFILE=audit ll-fetch -v --list s3://role-bucket/ >list 2>err1
echo "rc=$? objects=$(wc -l <list)"
sed "s|$PWD|DIR|; s/key \.\.\.[A-Z0-9]\{4\}/key ...XXXX/; s/expire [0-9T:Z-]*/expire TIME/" err1
AWS_PROFILE=audit ll-fetch --get --store raw <list >man 2>err2
echo "rc=$? stored=$(jq -r .status man | grep -c stored)"
# duration_seconds = 900: the set expires in 15 minutes.
exp=$(sed -n 's/.*expire \([0-9T:Z-]*\)$/\1/p' err1)
echo "lifetime: $((($(date -u -d "$exp" +%s) - $(date -u +%s) + 30) / 60)) min"
echo "== a wrong source key"
AWS_PROFILE=broken AWS_REGION=us-east-1 ll-fetch --list s3://role-bucket/ \
    >list3 2>err3
echo "rc=$?"
sed "s|$PWD|DIR|" err3
echo "== a loop"
printf '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = a\n' >config
AWS_PROFILE=a AWS_REGION=us-east-1 ll-fetch --list s3://role-bucket/
echo "rc=$?"
SECRETS="$secret" leaks list err1 man err2 list3 err3
