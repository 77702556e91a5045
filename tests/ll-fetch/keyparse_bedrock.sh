# Amazon Bedrock's keys, by the patterns of its definition: log objects
# under the delivery hour, large bodies under the hour's data/ folder
# and the permission check are kinds of their own; look-alikes (a bad
# hour, a folder too many or too few, another service's folder) are
# "other"; a copy rooted at AWSLogs/ keeps its kinds.
mk() { mkdir -p "b/$(dirname "$1")" && : >"b/$1"; }
B=AWSLogs/111122223333/BedrockModelInvocationLogs
mk "$B/us-east-1/2026/03/01/23/20260301T230412Z_0123456789abcdef.json.gz"
mk "prefix/$B/eu-west-1/2026/03/02/00/20260302T000112Z_fedcba9876543210.json.gz"
mk "$B/us-east-1/2026/03/01/23/data/915a6a04-3f83-4c70-a277-7fbf7ea546b3_input.json.gz"
mk "$B/us-east-1/2026/03/01/23/data/915a6a04-3f83-4c70-a277-7fbf7ea546b3_output.json.gz"
mk "$B/amazon-bedrock-logs-permission-check"
mk "$B/us-east-1/2026/03/01/24/20260301T240412Z_0123456789abcdef.json.gz"
mk "$B/us-east-1/2026/03/01/20260301T230412Z_0123456789abcdef.json.gz"
mk "$B/us-east-1/2026/03/01/23/x/y.json.gz"
mk "$B/us-east-1/2026/02/30/23/20260301T230412Z_0123456789abcdef.json.gz"
mk "$B/us-east-1/2026/03/01/23/20260301T230412Z_0123456789abcdef.json"
mk "AWSLogs/111122223333/BedrockAgentLogs/us-east-1/2026/03/01/23/a.json.gz"
mk "copy/111122223333/BedrockModelInvocationLogs/us-east-1/2026/03/01/23/a.json.gz"
mk "BedrockModelInvocationLogs/us-east-1/2026/03/01/23/a.json.gz"
ll-fetch --list b | jq -c '[.key, .kind, .account, .region, .day, .hour]'
echo "rc=$?"
