# A date window prunes the S3 walk: delimiter listings down to the
# YYYY/ level, then only the window's YYYY/MM/DD/ prefixes.  Every
# request passes a strict SigV4 check (the proxy rebuilds the
# canonical request from the decoded path and query, as S3 does).
. "$TOP/tests/lib/moto.sh"
moto_start
{
	for a in 111111111111 222222222222; do
	for r in us-east-1 eu-west-1; do
	for d in 2025/12/31 2026/01/01 2026/02/28 2026/03/01 2026/03/02 2026/03/03; do
		k="AWSLogs/o-aaaaaaaaaa/$a/CloudTrail/$r/$d/${a}_CloudTrail_${r}_$(echo $d | tr -d /)T1200Z_x.json.gz"
		printf '{"key":"%s","data":"%s"}\n' "$k" "$a $r $d"
	done; done; done
	k=AWSLogs/o-aaaaaaaaaa/111111111111/CloudTrail-Digest/us-east-1/2026/03/01
	printf '{"key":"%s/111111111111_CloudTrail-Digest_us-east-1_t_us-east-1_20260301T000000Z.json.gz","data":"d"}\n' "$k"
	printf '{"key":"AWSLogs/o-aaaaaaaaaa/README","data":"r"}\n'
	for h in 2026/02/28/23 2026/03/01/00 2026/03/02/23 2026/03/05/00; do
		printf '{"key":"cwl/%s/s-1-%s-00-00-id","data":"f"}\n' "$h" "$(echo $h | tr / -)"
	done
} | seed put walk-bucket
proxy_start --log proxy.log --verify "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"
export AWS_ENDPOINT_URL="$PROXY_URL"
echo "== CloudTrail, 2026-03-01 (+1 day settling)"
ll-fetch --list --from 2026-03-01 --to 2026-03-01 s3://walk-bucket/AWSLogs/ >l1
echo "rc=$?"
jq -r '[.kind, .account, .region, .day, .size] | @tsv' l1 | sort
echo "== the requests it made"
sed 's/&/ /g; s/%2F/\//g; s/^GET \/walk-bucket\/?//' proxy.log | sort
: >proxy.log
echo "== across a year, --settle 0"
ll-fetch --list --from 2025-12-31 --to 2026-01-01 --settle 0 \
    s3://walk-bucket/AWSLogs/o-aaaaaaaaaa/222222222222/ | jq -r .key | sort
echo "== Firehose, 2026-03-01 to 2026-03-02"
ll-fetch --list --from 2026-03-01 --to 2026-03-02 --settle 0 s3://walk-bucket/cwl/ |
    jq -c '[.key, .kind, .day, .hour]' | sort
echo "== --start-after, no window"
ll-fetch --list --start-after cwl/2026/03/01 s3://walk-bucket/cwl/ | jq -r .key
grep -c ' 200$' proxy.log
grep -c -v ' 200$' proxy.log || true
