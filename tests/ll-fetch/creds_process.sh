# A profile with credential_process: the command's JSON (Version 1)
# signs the requests that signature-checking moto verifies.  Its
# standard input is /dev/null, not ll-fetch's: a command that reads
# its input would otherwise eat the listing (all 3 objects stored).
# A failing command, or output that is not Version 1 JSON, is an error
# naming the profile.  Secrets appear in no output.
. "$TOP/tests/lib/moto.sh"
. "$TOP/tests/lib/creds.sh"
moto_start auth
seed many proc-bucket "p/" 3
key=$AWS_ACCESS_KEY_ID secret=$AWS_SECRET_ACCESS_KEY
creds_clean
cat >helper <<EOH
#!/bin/sh
cat >/dev/null
echo "helper ran" >&2
printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s", "Expiration": "2099-01-01T00:00:00Z"}\n' '$key' '$secret'
EOH
chmod +x helper
cat >config <<EOC
[default]
credential_process = $PWD/helper

[profile failing]
credential_process = sh -c 'echo "no session" >&2; exit 3'

[profile v2]
credential_process = echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "B"}'
EOC
export AWS_CONFIG_FILE="$PWD/config"
ll-fetch -v --list s3://proc-bucket/ >list 2>err1
echo "rc=$? objects=$(wc -l <list)"
sed "s/key \.\.\.[A-Z0-9]\{4\}/key ...XXXX/" err1
ll-fetch --get --store raw <list >man 2>err2
echo "rc=$? stored=$(jq -r .status man | grep -c stored)"
cat err2
echo "== failing"
AWS_PROFILE=failing ll-fetch --list s3://proc-bucket/
echo "rc=$?"
echo "== Version 2"
AWS_PROFILE=v2 ll-fetch --list s3://proc-bucket/
echo "rc=$?"
SECRETS="$secret" leaks list err1 man err2
