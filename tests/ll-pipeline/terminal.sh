# Under cron (neither output a terminal) a run that is ok prints
# nothing, even without -q; one that is not ok prints its tools'
# messages, then its summary.  At a terminal (script(1) gives one) each
# stage is shown as it starts, then the summary; -v does the same into a
# file.
"$TOP/scripts/dev/gen-sample" --events 300 --days 1 --start 2026-03-01 src \
    >/dev/null
run() {	# dir, sources ...
	d=$1
	shift
	ll-pipeline -f 2026-03-01 -t 2026-03-01 -D "$d" "$@"
}
run cron src/cloudtrail src/firehose >out 2>err
echo "cron, ok: rc=$? stdout=$(wc -c <out) stderr=$(wc -c <err)"
run cron2 src/cloudtrail nowhere >out 2>err
echo "cron, not ok: rc=$? stdout=$(wc -c <out)"
sed 's/run [0-9TZ-]*:/run RUN:/' err | head -n 4
# What the run said is kept in its directory.
cat cron2/state/last-run/messages
echo "== at a terminal"
script -qec "PATH='$PATH'; cd '$PWD' && ll-pipeline -f 2026-03-01 \
    -t 2026-03-01 -D tty src/cloudtrail src/firehose" /dev/null \
    </dev/null >tty.txt
echo "rc=$?"
tr -d '\r' <tty.txt | sed 's/run [0-9TZ-]*:/run RUN:/' |
    grep -e '^ll-pipeline' -e '^  share'
# ll-fetch's progress, too.
tr '\r' '\n' <tty.txt | grep -c '^ll-fetch: [0-9]* objects listed'
echo "== -v into a file"
run verbose -v src/cloudtrail 2>err
echo "rc=$?"
grep -c '^ll-pipeline: ' err
grep -c '^ll-pipeline run .*: ok$' err
