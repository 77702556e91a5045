#!/bin/sh
# ll-join: the session review join (StartSession rows x CloudWatch
# transcript rows, grouped into one flat row per session) over a
# synthetic right side of BENCH_JOIN_MB megabytes (default 1024).
# Runs it in memory and again with --memory 64M, which spills to disk,
# checks that both outputs are the same, and prints throughput (MB of
# both inputs per second) and peak RSS from /usr/bin/time -v.
set -eu
: "${BENCH_DIR:?BENCH_DIR must name a scratch directory}"
mb=${BENCH_JOIN_MB:-1024}
dir=$BENCH_DIR/join
mkdir -p "$dir"
cd "$dir"

# Readready-shaped rows.  One session per 50 KB of transcript; every
# tenth session has none.  Log events interleave across sessions, one
# in 100 arrives out of order and one in 500 is delivered twice.
generate() {
	awk -v mb="$mb" '
function left(i, day) {
	return sprintf("{\"eventtime\":\"%sT10:%02d:%02dZ\"," \
	    "\"eventname\":\"StartSession\"," \
	    "\"eventsource\":\"ssm.amazonaws.com\",\"useridentity_arn\":" \
	    "\"arn:aws:sts::111122223333:assumed-role/Admin/user%04d\"," \
	    "\"useridentity_sessioncontext_sourceidentity\":" \
	    "\"user%04d@example.com\",\"sourceipaddress\":" \
	    "\"198.51.100.%d\",\"requestparameters\":\"{\\\"target\\\":" \
	    "\\\"i-0%016x\\\",\\\"documentName\\\":" \
	    "\\\"SSM-StartInteractiveCommand\\\"}\",\"errorcode\":null," \
	    "\"sessionid\":\"user%04d-%013x\",\"calendarday\":\"%s\"}",
	    day, i % 60, i % 60, i % 5000, i % 5000, i % 250, i, i % 5000, i,
	    day)
}

function right(i, e, ts, day) {
	return sprintf("{\"owner\":\"111122223333\"," \
	    "\"loggroup\":\"/aws/ssm/sessionlogs\"," \
	    "\"logstream\":\"user%04d-%013x\",\"event_id\":\"3%055d\"," \
	    "\"timestamp\":%.0f,\"calendarday\":\"%s\"," \
	    "\"sessionid\":\"user%04d-%013x\",\"target_id\":\"i-0%016x\"," \
	    "\"runasuser\":\"ssm-user\",\"useridentity_arn\":" \
	    "\"arn:aws:sts::111122223333:assumed-role/Admin/user%04d\"," \
	    "\"sessiondata\":\"%s\",\"source_object\":\"2026/03/01/10/" \
	    "log-lake-sessions-1-2026-03-01-10-05-00-%08d\"}",
	    i % 5000, i, e, ts, day, i % 5000, i, i, i % 5000,
	    cmd[e % 6], int(e / 1000))
}

BEGIN {
	srand(60)
	s = mb * 20
	for (i = 0; i < s; i++)
		print left(i, "2026-03-0" (1 + int(i * 3 / s))) > "left.ndjson"
	cmd[0] = "ls -la /var/log"
	cmd[1] = "sudo systemctl status nginx --no-pager"
	cmd[2] = "tail -n 200 /var/log/syslog | grep -i error"
	cmd[3] = "cat /etc/os-release"
	cmd[4] = "df -h && free -m && uptime"
	cmd[5] = "for f in /srv/app/*.conf; do grep -c listen $f; done"
	for (n = e = 0; n < mb * 1048576; e++) {
		i = int(rand() * s)
		if (i % 10 == 0)
			i++
		ts = 1772323200000 + e * 7 - (e % 100 == 0 ? 50000 : 0)
		line = right(i, e, ts, "2026-03-0" (1 + int(i * 3 / s)))
		copies = e % 500 == 0 ? 2 : 1
		for (c = 0; c < copies; c++) {
			print line > "right.ndjson"
			n += length(line) + 1
		}
	}
}'
}

if [ ! -s right.ndjson ] || [ "$(cat size 2>/dev/null)" != "$mb" ]; then
	generate
	echo "$mb" >size
fi

bytes=$(($(wc -c <left.ndjson) + $(wc -c <right.ndjson)))
review="-t left -k sessionid -o timestamp -o event_id -d event_id
    -a transcript=text:sessiondata -a transcript_lines=lines:sessiondata
    -a log_events=count -a first_timestamp=first:timestamp
    -a last_timestamp=last:timestamp"

# Prints "label: seconds, MB/s, peak RSS" for one run of ll-join.
run() {
	label=$1
	shift
	# shellcheck disable=SC2086
	/usr/bin/time -v ll-join "$@" $review -S "$label.stats" \
	    left.ndjson right.ndjson >"$label.out" 2>"$label.time"
	awk -v label="$label" -v bytes="$bytes" '
/Elapsed \(wall clock\)/ {
	n = split($NF, t, ":")
	s = t[n] + (n > 1 ? t[n - 1] * 60 : 0) + (n > 2 ? t[n - 2] * 3600 : 0)
}
/User time/ { user = $NF }
/Maximum resident set size/ { rss = $NF }
END {
	printf "ll-join %-12s %7.2f s (user %.2f s) %6.1f MB/s, " \
	    "peak RSS %6.1f MB\n", label ":", s, user, bytes / 1048576 / s,
	    rss / 1024
}' "$label.time"
	jq -r '"    \(.records_out) rows; spilled \(.spill_bytes / 1048576 |
	    floor) MB in \(.spill_partitions) partitions, depth " +
	    "\(.spill_depth); \(.right_duplicates) duplicates dropped"' \
	    "$label.stats"
}

echo "ll-join: left $(wc -l <left.ndjson) sessions," \
    "right $(wc -l <right.ndjson) log events, $((bytes / 1048576)) MB"
run in-memory -b 8G
run spill-64M -b 64M
if cmp -s in-memory.out spill-64M.out; then
	echo "    outputs identical"
else
	echo "    OUTPUTS DIFFER" >&2
	exit 1
fi
rm -f in-memory.out spill-64M.out
