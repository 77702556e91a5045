ll-pipeline
echo "rc=$?"
ll-pipeline -E lots src
echo "rc=$?"
ll-pipeline -h | head -n1
for args in "-E 1.2.3" "-f 2026-13-45" "-t yesterday-ish" "-j 0" \
    "-o /srv/lake" "-f 2026-03-05 -t 2026-03-01" "-k no-such-keys.json" \
    "--codec snappy"; do
	# shellcheck disable=SC2086
	ll-pipeline $args src
	echo "$args: rc=$?"
done
[ -e loglake ] || echo "nothing created before the arguments were checked"
