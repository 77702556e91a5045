# The raw store is evidence: a full pipeline run, and a second one that
# fetches new objects, never changes a byte of the source buckets or of
# any object already stored, and every stored object is read-only.
. "$TOP/tests/lib/lake.sh"
hashes() {	# DIR: "digest path" per file, sorted by path
	(cd "$1" && find . -type f -exec sha256sum {} + | sort -k2)
}
sample src --days 1
sample later --days 1 --start 2026-03-02 --seed 7
hashes src >src.before
pipeline -D lake src/cloudtrail src/firehose
echo "rc=$?"
hashes src | cmp - src.before && echo "sources unchanged"
hashes lake/raw >raw.before
wc -l <raw.before
find lake/raw -type f ! -perm 0444 | wc -l
# New objects arrive in the same buckets; the second run stores them
# beside the first run's objects and leaves those alone.
cp -R later/cloudtrail/. src/cloudtrail/
cp -R later/firehose/. src/firehose/
hashes src >src.before
pipeline -D lake src/cloudtrail src/firehose
echo "rc=$?"
hashes src | cmp - src.before && echo "sources unchanged"
hashes lake/raw >raw.after
join -1 2 -2 2 -o 1.1,2.1 raw.before raw.after | awk '$1 != $2' | wc -l
join -1 2 -2 2 -v 1 raw.before raw.after | wc -l
[ "$(wc -l <raw.after)" -gt "$(wc -l <raw.before)" ] &&
    echo "new objects stored"
find lake/raw -type f ! -perm 0444 | wc -l
# Each stored object is byte for byte its source object.
(cd lake/raw && find . -type f ! -path './.ll-fetch.tmp/*') |
    while read -r f; do
	cmp -s "lake/raw/$f" "src/$f" && echo same || echo "differs: $f"
done | sort | uniq -c | sed 's/^ *//' 
