# The pipeline never writes through a symbolic link it did not make: a
# link at state/lock (the lock is the state directory itself),
# state/processed.ndjson, state/runs, state/staging, state/, or
# lake/session_review, and a state/last-run that is not a link, are each
# refused with a clear error, exit 3, before anything is written; what
# the link points to is left as it was.  Under umask 077 nothing the
# pipeline writes itself is readable by others.
. "$TOP/tests/lib/lake.sh"
sample src --days 1
mkdir victims
try() {	# name, what to make in DIR/
	name=$1
	shift
	rm -rf d victims/*
	echo precious >victims/file
	mkdir -p d/state d/lake victims/dir
	"$@"
	pipeline -D d src/cloudtrail 2>err
	echo "$name: rc=$? $(sed "s|$PWD/||" err)"
	echo "  victims: $(cat victims/file), $(ls victims/dir | wc -l) files in dir"
}
try "lock" ln -s ../../victims/file d/state/lock
try "processed" ln -s ../../victims/file d/state/processed.ndjson
try "runs" ln -s ../../victims/dir d/state/runs
try "staging" ln -s ../../victims/dir d/state/staging
try "session review" ln -s ../../victims/dir d/lake/session_review
try "last-run" mkdir d/state/last-run
rm -rf d
mkdir d
ln -s ../victims/dir d/state
pipeline -D d src/cloudtrail 2>err
echo "state: rc=$? $(sed "s|$PWD/||" err)"
echo "  victims: $(ls victims/dir | wc -l) files in dir"
echo "== umask 077"
(umask 077; pipeline -D u src/cloudtrail src/firehose)
echo "rc=$?"
run=u/state/last-run/
find u/state -maxdepth 1 ! -type l -perm /077
find "$run" "u/lake/session_review" \( -name 'reconciliation.json' -o \
    -name 'objects.ndjson' -o -name 'obj.*' -o -name 'parts.*' -o \
    -name 'partitions.sql' -o -name 'part-review.json.gz' -o -type d \) \
    -perm /077
find "$run" "u/lake/session_review" -name 'part-review.json.gz' -o \
    -name reconciliation.json | wc -l
