# A local directory is listed as a bucket named after it: every file,
# with what its key tells (the fixtures hold CloudTrail files, a digest
# and a Firehose object).
cp -R "$FIXTURES/bucket" .
find bucket -type f -exec touch -d '2026-03-01 12:00:00' {} +
ll-fetch --list bucket | sed "s|file://$PWD/|file://PWD/|"
echo "rc=$?"
