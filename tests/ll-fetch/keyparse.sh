# What keys tell, and what they do not: look-alikes are "other", and
# parts a key does not state are null, never guessed.
mk() { mkdir -p "b/$(dirname "$1")" && : >"b/$1"; }
A=AWSLogs
mk "$A/111122223333/CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20260301T0000Z_abc.json.gz"
mk "$A/o-abcdefghij/111122223333/CloudTrail/eu-west-1/2024/02/29/111122223333_CloudTrail_eu-west-1_20240229T2355Z_abc.json.gz"
mk "prefix/x/$A/o-aa22bb33cc44/444455556666/CloudTrail/us-gov-west-1/2026/12/31/444455556666_CloudTrail_us-gov-west-1_20261231T2359Z_q.json.gz"
mk "$A/111122223333/CloudTrail-Digest/ap-southeast-2/2026/03/01/111122223333_CloudTrail-Digest_ap-southeast-2_trail_us-east-1_20260301T010203Z.json.gz"
mk "$A/111122223333/CloudTrail-Insight/us-east-1/2026/03/01/111122223333_CloudTrail-Insight_us-east-1_20260301T0000Z_abc.json.gz"
mk "$A/111122223333/elasticloadbalancing/us-east-1/2026/03/01/lb.log.gz"
mk "$A/111122223333/CloudTrail/us-east-1/2026/03/01/999988887777_CloudTrail_us-east-1_20260301T0000Z_abc.json.gz"
mk "$A/111122223333/CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20260301T0000Z_abc.json"
mk "$A/111122223333/CloudTrail/us-east-1/2026/02/30/111122223333_CloudTrail_us-east-1_20260230T0000Z_abc.json.gz"
mk "$A/11112222333/CloudTrail/us-east-1/2026/03/01/11112222333_CloudTrail_us-east-1_20260301T0000Z_abc.json.gz"
mk "$A/o-short/111122223333/CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20260301T0000Z_abc.json.gz"
mk "$A/111122223333/CloudTrail/US-EAST-1/2026/03/01/111122223333_CloudTrail_US-EAST-1_20260301T0000Z_abc.json.gz"
mk "$A/111122223333/CloudTrail/us-east-1/2026/03/01/deeper/111122223333_CloudTrail_us-east-1_20260301T0000Z_abc.json.gz"
mk "2026/03/01/10/stream-1-2026-03-01-10-05-00-0f6e2d4c-1a2b"
mk "cwl/sessions/2025/12/31/23/log-lake-sessions-12-2025-12-31-23-59-59-abcd.gz"
mk "2026/03/01/24/stream-1-2026-03-01-24-05-00-0f6e2d4c"
mk "2026/03/01/10/notfirehose.json"
mk "2026/03/01/10/stream-2026-03-01-10-05-00-0f6e2d4c"
mk "1999/3/01/10/stream-1-2026-03-01-10-05-00-x"
mk "README"
ll-fetch --list b | jq -c '[.key, .kind, .organization, .account, .region, .day, .hour]'
echo "rc=$?"
