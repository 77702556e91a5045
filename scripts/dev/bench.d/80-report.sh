# Issue 17 figures: ll-report on a day of 5,000 sessions for one page
# (transcripts of 40 lines on average, two of 2 MB), its time and peak
# memory, the page's size, and how soon headless Chromium has the page
# ready (data-ready: milliseconds from navigation to the end of the
# page's script, HTML parsed), plain, with #q= searching every
# transcript, and with #sN opening a 2 MB one.  Best of three loads,
# with the CPU seconds of all of Chromium's processes for that load
# (start to exit), which load on the machine distorts less.
. "$(dirname "$0")/lib.sh"
dir=$BENCH_DIR/report
mkdir -p "$dir"
python3 - "$dir/sessions.ndjson" <<'PY'
import json, random, sys
rng = random.Random(17)
cmds = ["sudo systemctl status nginx", "tail -n 50 /var/log/messages",
        "df -h", "ps aux --sort=-%mem | head", "cat /etc/os-release",
        "journalctl -u app --since today | grep -i error", "uptime"]
with open(sys.argv[1], "w") as f:
    for i in range(5000):
        t = 1772323200 + i * 17
        lines = []
        for _ in range(rng.randrange(2, 40)):
            lines.append("$ " + rng.choice(cmds))
            lines += ["output line %d of command, some text here %s" %
                      (k, rng.getrandbits(64)) for k in range(rng.randrange(4))]
        if i in (1234, 4321):
            lines = ["%07d \x1b[32mok\x1b[0m <b>%s</b>" % (k, "x" * 40)
                     for k in range(2 * 1024 * 1024 // 64)]
        tr = "\n".join(lines)
        f.write(json.dumps({
            "eventtime": "%s" % __import__("time").strftime(
                "%Y-%m-%dT%H:%M:%SZ", __import__("time").gmtime(t)),
            "eventid": "ev-%05d" % i, "sessionid": "user%03d-%05d" % (i % 200, i),
            "useridentity_arn": "arn:aws:sts::111122223333:assumed-role/Ops/user%03d" % (i % 200),
            "sourceipaddress": "203.0.113.%d" % (i % 250),
            "requestparameters": json.dumps({"target": "i-%017x" % i,
                "documentName": "SSM-SessionManagerRunShell"}),
            "errorcode": "AccessDenied" if i % 97 == 0 else None,
            "transcript": tr, "transcript_lines": tr.count("\n") + 1,
            "log_events": 3, "first_timestamp": t * 1000 + 500,
            "last_timestamp": t * 1000 + 90000}) + "\n")
PY
bytes=$(wc -c <"$dir/sessions.ndjson")
rm -rf "$dir/out"
run report "ll-report -o '$dir/out' '$dir/sessions.ndjson'"
report "ll-report, 5,000 sessions" "$bytes" 5000
echo "ll-report CPU: $CPU_TAKEN s"
page=$dir/out/unassigned/review.html
echo "page: $(wc -c <"$page") bytes"
if ! command -v chromium >/dev/null 2>&1; then
	echo "chromium: not installed, no load figures"
	exit 0
fi
ready() {
	best=""
	for i in 1 2 3; do
		ud=$(mktemp -d)
		ms=$(/usr/bin/time -f '%U %S' -o "$dir/.cpu" chromium --headless --no-sandbox --disable-gpu --disable-quic \
		    --no-first-run --disable-background-networking \
		    --disable-component-update --disable-sync \
		    --user-data-dir="$ud" --dump-dom "file://$page$1" 2>/dev/null |
		    grep -o '<body data-ready="[0-9]*"' | grep -o '[0-9][0-9]*')
		rm -rf "$ud"
		if [ -z "$best" ] || [ "${ms:-999999}" -lt "$best" ]; then
			best=${ms:-999999}
			cpu=$(awk '{ print $1 + $2 }' "$dir/.cpu")
		fi
	done
	printf '%-34s %7s ms  (Chromium CPU %s s in all)\n' \
	    "Chromium ready${2:+, $2}${1:+, $1}" "$best" "$cpu"
}
ready ""
ready "#q=journalctl"
ready "#s1235"
# For scale: the same for a page of ten sessions.
head -n 10 "$dir/sessions.ndjson" | ll-report -o "$dir/small" >/dev/null
page=$dir/small/unassigned/review.html
ready "" "10 sessions"

