# ll-pipeline and ll-reconcile, like the C tools: --help lists every
# option of the man page with its long name and a line of meaning, and
# an example, within 80 columns; --version is the C tools' version; the
# long options work (--name VALUE and --name=VALUE), an unknown one is a
# usage error.
for t in ll-pipeline ll-reconcile; do
	"$t" --help >help.txt || echo "$t: --help failed"
	grep -q '^Example:$' help.txt || echo "$t: no example"
	sed -n 's/^\.It Fl \([A-Za-z0-9]\).*Fl -\([a-z-]*\).*/\1 \2/p' \
	    "$TOP/man/$t.1" >opts
	while read -r s l; do
		grep -Eq "^  -$s, --$l( |\$)" help.txt ||
		    echo "$t: -$s, --$l missing from --help"
		[ "$(grep -E "^  -$s, --$l" help.txt | awk '{print NF}')" -gt 2 ] ||
		    echo "$t: -$s has no meaning line"
	done <opts
	# Options with no letter: "    --name ARG" in --help.
	sed -n 's/^\.It Fl -\([a-z-]*\).*/\1/p' "$TOP/man/$t.1" >longonly
	while read -r l; do
		grep -Eq "^      --$l( |\$)" help.txt ||
		    echo "$t: --$l missing from --help"
	done <longonly
	[ ! -s longonly ] || echo "$t: $(wc -l <longonly) with no letter"
	awk 'length($0) > 80 { print FILENAME ": line over 80 columns" }' help.txt
	echo "$t: $(wc -l <opts) options"
	[ "$("$t" --version)" = "$(ll-ungz --version | sed "s/^ll-ungz/$t/")" ] &&
	    echo "$t: the version of the C tools"
	"$t" -h | cmp -s - help.txt || echo "$t: -h differs from --help"
	"$t" --bogus x 2>err
	echo "$t --bogus: rc=$? $(head -n1 err)"
done
# A run with long options, values given both ways: the same as letters.
"$TOP/scripts/dev/gen-sample" --events 100 --days 1 --start 2026-03-01 src \
    >/dev/null
ll-pipeline --quiet --from=2026-03-01 --to 2026-03-01 --directory lake \
    --threshold=99 --location=s3://lake/x/ --jobs 2 src/cloudtrail
echo "rc=$?"
jq -c '{ok, threshold}' lake/state/last-run/reconciliation.json
jq -r .location lake/state/last-run/parts.cloudtrail
ll-reconcile --threshold 101 lake/state/last-run | jq -c '{ok, threshold}'
# A value is never read as an option; -q and -v exclude each other.
ll-pipeline -q -D lake -t 2026-03-01 --from --to src 2>err
echo "rc=$? $(head -n1 err)"
ll-pipeline -q --verbose src 2>err
echo "rc=$? $(head -n1 err)"
ll-reconcile "$PWD" 2>err
echo "not a run: rc=$? $(sed "s|$PWD|DIR|" err)"
