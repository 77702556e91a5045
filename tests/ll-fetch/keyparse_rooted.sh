# A source rooted inside the AWSLogs layout (a local copy of AWSLogs/,
# of one organization's or one account's folder, of one region's) has
# keys without the AWSLogs folder: the file name and the folders above
# the day still say a CloudTrail file, and every folder the key has must
# agree with the name.  A folder of the layout's shape that disagrees
# makes a look-alike ("other"); any other folder starts a prefix.
mk() { mkdir -p "b/$(dirname "$1")" && : >"b/$1"; }
F=111122223333_CloudTrail_us-east-1_20260301T0000Z_abc.json.gz
D=111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20260301T010203Z.json.gz
mk "o-abcdefghij/111122223333/CloudTrail/us-east-1/2026/03/01/$F"
mk "111122223333/CloudTrail/us-east-1/2026/03/01/$F"
mk "CloudTrail/us-east-1/2026/03/01/$F"
mk "us-east-1/2026/03/01/$F"
mk "2026/03/01/$F"
mk "111122223333/CloudTrail-Digest/us-east-1/2026/03/01/$D"
mk "copy/111122223333/CloudTrail/us-east-1/2026/03/01/$F"
mk "x/o-abcdefghij/111122223333/CloudTrail/us-east-1/2026/03/01/$F"
mk "999988887777/CloudTrail/us-east-1/2026/03/01/$F"
mk "CloudTrail-Insight/us-east-1/2026/03/01/$F"
mk "eu-west-1/2026/03/01/$F"
mk "CloudTrail/us-east-1/2026/02/30/$F"
mk "CloudTrail/us-east-1/2026/03/01/deeper/$F"
mk "CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20260301T0000Z_abc.json"
mk "CloudTrail/us-east-1/2026/03/01/11112222333_CloudTrail_us-east-1_20260301T0000Z_abc.json.gz"
mk "CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_US-EAST-1_20260301T0000Z_abc.json.gz"
mk "CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1.json.gz"
ll-fetch --list b | jq -c '[.key, .kind, .organization, .account, .region, .day]'
echo "rc=$?"
# Rooted at AWSLogs/ and at an account's folder, with a date window.
src=$TOP/tests/fixtures/bucket/AWSLogs
ll-fetch --list --from 2026-03-01 --to 2026-03-01 "$src" | jq -r '.kind'
ll-fetch --list --from 2026-03-01 --to 2026-03-01 "$src/o-exampleorg/111122223333" |
    jq -c '[.bucket, .kind, .account, .region]'
