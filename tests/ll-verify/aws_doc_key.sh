# The fingerprint of a public key is the hex MD5 of its DER PKCS#1
# bytes.  The key and fingerprint below are those AWS prints as the
# example output of "aws cloudtrail list-public-keys" (aws-cli
# awscli/examples/cloudtrail/list-public-keys.rst); openssl computes
# the same MD5, and ll-verify accepts the key.  A fingerprint that is
# not the key's is refused, naming the computed one; the same key as
# an "RSA PUBLIC KEY" PEM is accepted; a Value that is no key is not.
value=MIIBCgKCAQEAlSS3cl92HDycr/MTj0moOhas8habjrraXw+KzlWF0axSI2tcF+3iJ9BKQAVSKxGwxwu3m0wG3J+kUl1xboEcEPHYoIYMbgfSw7KGnuDKwkLzsQWhUJ0cIbOHASox1vv/5fNXkrHhGbDCHeVXm804c83nvHUEFYThr1PfyP/8HwrCtR3FX5OANtQCP61C1nJtSSkC8JSQUOrIP4CuwJjc+4WGDk+BGH5m9iuiAKkipEHWmUl8/P7XpfpWQuk4h8g3pXZOrNXr08lbh4d39svj7UqdhvOXoBISp9t/EXYuePGEtBdrKD9Dz+VHwyUPtBQvYr9BnkF88qBnaPNhS44rzwIDAQAB
documented=7f3f401420072e50a65a141430817ab3
echo "$value" | base64 -d | openssl md5 -r | cut -d' ' -f1
cat >doc.json <<EOF2
{
    "PublicKeyList": [
        {
            "ValidityStartTime": 1453076702.0,
            "ValidityEndTime": 1455668702.0,
            "Value": "$value",
            "Fingerprint": "$documented"
        }
    ]
}
EOF2
mkdir store
ll-verify -q -s store -k doc.json -S st
echo "rc=$?"
jq -c '{public_keys, exit}' st
sed 's/7f3f4014/7f3f4015/' doc.json >bad.json
ll-verify -q -s store -k bad.json -S st
echo "rc=$?"
jq -c '{public_keys, reasons, exit}' st
echo "$value" | base64 -d |
    openssl rsa -RSAPublicKey_in -inform DER -RSAPublicKey_out 2>/dev/null |
    jq -Rs --arg fp "$documented" \
    '{PublicKeyList: [{Value: ., Fingerprint: $fp}]}' >pem.json
head -c 30 pem.json; echo
ll-verify -q -s store -k pem.json -S st
echo "rc=$?"
jq -c '{public_keys}' st
printf '{"PublicKeyList":[{"Value":"bm90IGEga2V5","Fingerprint":"%s"}]}' \
    "$(printf 'not a key' | openssl md5 -r | cut -d' ' -f1)" >notkey.json
ll-verify -q -s store -k notkey.json
echo "rc=$?"
