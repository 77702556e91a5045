# Issue 3 figures: the needle query (3 event names, 5 accounts) and a
# --grep for an IP address over the CloudTrail NDJSON, ll-filter side
# by side with jq on the same input, and the ratio.  Both tools run on
# one core, so "per core" is bytes over CPU seconds (user + system),
# which other load on the machine does not distort; wall-clock rates
# are shown too.  ll-filter's figures are the best of three runs.
. "$(dirname "$0")/lib.sh"
in=$BENCH_DIR/cloudtrail.ndjson
exp=$BENCH_DIR/raw/expected.json
bytes=$(wc -c <"$in")
recs=$(wc -l <"$in")
# Three accounts of the workload and two it does not have.
if [ -f "$exp" ]; then
	accts=$(jq -r '.accounts[0:3] + ["111122223333", "444455556666"] |
	    join(",")' "$exp")
	ip=$(jq -r '.example_session.source_ip' "$exp")
else
	accts=$(head -n 1000 "$in" | jq -r .recipientAccountId | sort -u |
	    head -n 3 | tr '\n' ,)111122223333,444455556666
	ip=203.0.113.88
fi
names=StartSession,AssumeRole,AssumeRoleWithSAML
jqnames='(.eventName == "StartSession" or .eventName == "AssumeRole" or
    .eventName == "AssumeRoleWithSAML")'
jqaccts=$(echo "$accts" | awk -F, '{ for (i = 1; i <= NF; i++)
	printf "%s.recipientAccountId == \"%s\"", (i > 1 ? " or " : ""), $i }')
echo "input: $bytes bytes, $recs records"
echo "needle: ll-filter -w '.eventName in $names'" \
    "-w '.recipientAccountId in $accts'"
echo "grep: ll-filter -g $ip"
cat "$in" >/dev/null

measure() {	# RUNS CMD: sets WALL and CPU, from the run with least CPU
	n=$1
	shift
	CPU=999999
	while [ "$n" -gt 0 ]; do
		/usr/bin/time -f '%e %U %S' -o "$BENCH_DIR/.time" sh -c "$*" \
		    >/dev/null
		read -r w u s <"$BENCH_DIR/.time"
		c=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
		if awk -v c="$c" -v b="$CPU" 'BEGIN { exit !(c < b) }'; then
			CPU=$c
			WALL=$w
		fi
		n=$((n - 1))
	done
}

line() {	# NAME: one row of figures for the last measure
	awk -v n="$1" -v b="$bytes" -v r="$recs" -v w="$WALL" -v c="$CPU" \
	    'BEGIN { if (w == 0) w = 0.01; if (c == 0) c = 0.01;
	    printf "%-28s %6.2f s %8.1f MB/s %9.0f rec/s | %6.2f cpu s " \
	    "%8.1f MB/s/core\n", n, w, b / w / 1e6, r / w, c, b / c / 1e6 }'
}

compare() {	# what, ll-filter command, jq filter
	n1=$(sh -c "$2" | wc -l)
	n2=$(jq -c "$3" "$in" | wc -l)
	measure 3 "$2"
	line "ll-filter $1"
	llc=$CPU
	llw=$WALL
	measure 1 "jq -c '$3' $in"
	line "jq $1"
	awk -v a="$llc" -v b="$CPU" -v aw="$llw" -v bw="$WALL" -v n1="$n1" \
	    -v n2="$n2" -v w="$1" 'BEGIN {
	    printf "%s: ll-filter is %.1fx jq per core (%.1fx wall clock); " \
	    "%d records kept%s\n", w, b / a, bw / aw, n1,
	    n1 == n2 ? ", as jq" : sprintf(" BUT jq kept %d", n2) }'
}

compare needle "ll-filter -w '.eventName in $names' \
    -w '.recipientAccountId in $accts' $in" \
    "select($jqnames and ($jqaccts))"
compare grep "ll-filter -g $ip $in" "select(tostring | contains(\"$ip\"))"
echo "for scale:"
# Into a file: GNU grep stops at the first match when output is /dev/null.
measure 3 "grep -c -F $ip $in >$BENCH_DIR/.count"
line "grep -c -F (no JSON check)"
measure 1 "ll-filter -p -w '.eventName in $names' \
    -w '.recipientAccountId in $accts' $in"
line "ll-filter --parse needle"
