# --help lists every option of the man page, with its long name and a
# line of meaning, and ends with an example; usage errors print the
# man page's SYNOPSIS, not the help.
for t in ll-fetch ll-filter ll-flatten ll-join ll-partition ll-register \
    ll-replace ll-report ll-sigma ll-splitjson ll-timeline ll-ungz ll-verify; do
	"$t" --help >help.txt || echo "$t: --help failed"
	grep -q '^Example:$' help.txt || echo "$t: no example"
	sed -n 's/^\.It Fl \([A-Za-z0-9]\).*Fl -\([a-z-]*\).*/\1 \2/p' \
	    "$TOP/man/$t.1" >opts
	[ -s opts ] || echo "$t: no options found in the man page"
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
	awk 'length($0) > 80 { print FILENAME ": line over 80 columns" }' help.txt |
	    sed "s/help.txt/$t/" | sort -u
	echo "$t: $(wc -l <opts) options"
done
