# ll-register finds credentials as ll-fetch does: here a profile whose
# credential_process gives the key of signature-checking moto, and the
# region from the profile; -v says where they came from.  A named
# profile that does not exist is an error naming it (exit 4).
. "$TOP/tests/lib/moto-glue.sh"
trap moto_glue_stop EXIT
moto_glue_start || exit 1
glue CreateDatabase '{"DatabaseInput":{"Name":"lake"}}' >/dev/null
glue CreateTable "{\"DatabaseName\":\"lake\",\"TableInput\":$(ll-partition \
    -T cloudtrail -L s3://lake/readready -d glue)}" >/dev/null
key=$AWS_ACCESS_KEY_ID secret=$AWS_SECRET_ACCESS_KEY
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION
printf '#!/bin/sh\nprintf '"'"'{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"%s"}'"'"'\n' \
    "$key" "$secret" >helper
chmod +x helper
printf '[profile lake]\ncredential_process = %s/helper\nregion = us-east-1\n' \
    "$PWD" >config
export AWS_CONFIG_FILE="$PWD/config"
echo '{"partition":{"calendarday":"2026-03-01"},"location":"s3://lake/readready/calendarday=2026-03-01/"}' >parts
AWS_PROFILE=lake ll-register -v -d lake -T cloudtrail_readready parts \
    >out 2>err
echo "rc=$?"
jq -c '{partition, status}' out
sed 's/key \.\.\.[A-Z0-9]\{4\}$/key .../' err
AWS_PROFILE=nosuch ll-register -d lake -T cloudtrail_readready parts 2>&1 |
    sed "s|$PWD|DIR|g"
grep -c -F -e "$secret" out err || true
