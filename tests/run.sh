#!/bin/sh
# Runs every tests/<tool>/<case>.sh in a fresh temporary directory and
# compares its stdout, stderr and exit status with the sibling .out,
# .err and .rc files (a missing .err means "no stderr", a missing .rc
# means 0).  A case that exits 77 is skipped: it lacks a service such as
# moto_server, and says so on stderr.  Prints TAP.  UPDATE=1 rewrites the golden files instead.
# Arguments, if any, are case files or tool directories to run.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export TOP="$top" FIXTURES="$top/tests/fixtures" PATH="$top/bin:$top/scripts:$top/scripts/dev:$PATH"
export LC_ALL=C TZ=UTC
# Credentials only from what a case sets: never the developer's
# ~/.aws files, and never the instance metadata address.
export AWS_CONFIG_FILE=/nonexistent/aws-config \
    AWS_SHARED_CREDENTIALS_FILE=/nonexistent/aws-credentials \
    AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_WEB_IDENTITY_TOKEN_FILE \
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_CONTAINER_CREDENTIALS_FULL_URI
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

if [ $# -eq 0 ]; then
	set -- "$top"/tests/*/
fi
cases=$(for a in "$@"; do
	if [ -d "$a" ]; then ls "$a"/*.sh 2>/dev/null; else echo "$a"; fi
done | grep -v '/lib/' | sort)

n=0 pass=0 fail=0 skip=0
total=$(echo "$cases" | grep -c .)
echo "1..$total"
for c in $cases; do
	n=$((n + 1))
	c=$(cd "$(dirname "$c")" && pwd)/$(basename "$c")
	base=${c%.sh}
	name=$(basename "$(dirname "$c")")/$(basename "$base")
	work=$(mktemp -d "${TMPDIR:-/tmp}/lltest.XXXXXX")
	(cd "$work" && sh "$c" >"$work/.stdout" 2>"$work/.stderr" </dev/null)
	rc=$?
	# Sanitizer reports are failures whatever the golden files say.
	if grep -q -e 'Sanitizer' -e 'runtime error:' "$work/.stderr"; then
		sanfail=1
	else
		sanfail=0
	fi
	if [ "${UPDATE:-0}" = 1 ] && [ $sanfail = 0 ]; then
		cp "$work/.stdout" "$base.out"
		if [ -s "$work/.stderr" ]; then cp "$work/.stderr" "$base.err"
		else rm -f "$base.err"; fi
		if [ $rc -ne 0 ]; then echo $rc >"$base.rc"
		else rm -f "$base.rc"; fi
	fi
	want_rc=0
	[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
	why=""
	[ $sanfail = 1 ] && why="$why sanitizer"
	[ "$rc" = "$want_rc" ] || why="$why exit=$rc(want $want_rc)"
	if [ -f "$base.out" ]; then
		cmp -s "$work/.stdout" "$base.out" || why="$why stdout"
	elif [ -s "$work/.stdout" ]; then
		why="$why stdout(no .out)"
	fi
	if [ -f "$base.err" ]; then
		cmp -s "$work/.stderr" "$base.err" || why="$why stderr"
	elif [ -s "$work/.stderr" ]; then
		why="$why stderr"
	fi
	if [ $rc = 77 ] && [ ! -f "$base.rc" -o "$want_rc" != 77 ]; then
		# A case that lacks a service (moto_server) says so and skips.
		pass=$((pass + 1))
		skip=$((skip + 1))
		echo "ok $n - $name # SKIP $(head -n1 "$work/.stderr")"
		rm -rf "$work"
		continue
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "ok $n - $name"
		rm -rf "$work"
	else
		fail=$((fail + 1))
		echo "not ok $n - $name:$why"
		[ -f "$base.out" ] && diff -u "$base.out" "$work/.stdout" |
		    head -20 | sed 's/^/#   /'
		if [ -f "$base.err" ]; then
			diff -u "$base.err" "$work/.stderr" | head -20 |
			    sed 's/^/#   /'
		else
			head -20 "$work/.stderr" | sed 's/^/#   stderr: /'
		fi
		rm -rf "$work"
	fi
done
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
