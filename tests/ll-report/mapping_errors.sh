# A mapping line that is not understood stops the run before anything
# is written, naming the file and the line (exit 2); an unreadable file
# is an I/O error (exit 3).
. "$TOP/tests/ll-report/lib/common.sh"
try() {
	printf '%s\n' "# managers" "$@" >bad.conf
	ll-report -H bad.conf -o out rows.ndjson >/dev/null
	echo "rc=$?"
}
try 'manger alice alice'
try 'manager alice'
try 'manager unassigned hiro'
try 'manager ../etc alice'
try 'manager .hidden alice'
try 'manager a/b alice'
try 'manager ok alice' 'manager bad arn:'
printf 'manager ok alice\nmanager x a\0b\n' >bad.conf
ll-report -H bad.conf -o out rows.ndjson >/dev/null
echo "rc=$?"
ll-report -H missing.conf -o out rows.ndjson >/dev/null
echo "rc=$?"
test -e out && echo "out was written" || echo "nothing written"
# Comments, blank lines and a manager over several lines are fine.
printf '\n  # note\nmanager a alice # and\nmanager a bob\n' >ok.conf
pages -H ok.conf -o out rows.ndjson
