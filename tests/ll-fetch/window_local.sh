# A date window prunes the walk at the YYYY/ level: only the days of
# the window, plus the settling margin (--settle, default one day),
# are listed; objects above the date level are counted, not listed.
for d in 2026/02/28 2026/03/01 2026/03/02 2026/03/03 2026/03/04; do
	for r in us-east-1 eu-west-1; do
		p="b/AWSLogs/o-abcdefghij/111122223333/CloudTrail/$r/$d"
		mkdir -p "$p"
		: >"$p/111122223333_CloudTrail_${r}_$(echo "$d" | tr -d /)T0000Z_a.json.gz"
	done
	mkdir -p "b/fh/$d/23"
	: >"b/fh/$d/23/s-1-$(echo "$d" | tr / -)-23-59-00-id"
done
: >b/AWSLogs/o-abcdefghij/README
echo "== --from 2026-03-01 --to 2026-03-02"
ll-fetch --list --from 2026-03-01 --to 2026-03-02 -S st b | jq -r .key
jq -c '{records_out, outside_window}' st
echo "== --settle 0"
ll-fetch --list --from 2026-03-01 --to 2026-03-02 --settle 0 b | jq -r .key
echo "== --start-after"
ll-fetch --list --from 2026-02-28 --to 2026-03-04 --settle 0 \
    --start-after AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/2026/03/02/111122223333_CloudTrail_us-east-1_20260302T0000Z_a.json.gz b |
    jq -r .key
echo "== everything"
ll-fetch --list b | jq -r .key | wc -l
