# Bash completion offers each tool's options from its --help, the
# values of fixed-set arguments, and files elsewhere.
command -v bash >/dev/null || { echo "bash not found" >&2; exit 77; }
mkdir -p d1 d2 && touch f1
bash -c '
. "$TOP/scripts/completion/ll"
try() {
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
	_ll
	printf "%s:" "$*"; printf " %s\n" "${COMPREPLY[@]}" | sort | tr -d "\n"; echo
}
try ll-fetch --st
try ll-join -J ""
try ll-join --type le
try ll-partition -d ""
try ll-partition -T cloud
try ll-partition --codec ""
try ll-fetch --store d
try ll-filter -c f
try ll-ungz -
'
