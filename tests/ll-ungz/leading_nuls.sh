# xz, zstd and bzip2 streams whose content begins with NUL bytes are
# data, not an empty tar archive (libarchive's tar reader takes NUL
# blocks for the end of one): they decode whole, from a file and from
# a pipe.  1 MiB of NULs compresses past the 1000:1 bomb guard, so that
# case lifts it; 100 KiB stays under it.
{ head -c 1048576 /dev/zero; echo 'then text'; } >big
{ head -c 102400 /dev/zero; echo 'then text'; } >small
for c in xz zstd bzip2; do
	for f in big small; do
		$c -c -q <$f >$f.$c
	done
	ll-ungz -R 0 big.$c | cmp - big && echo "$c: 1 MiB of NULs, then text"
	ll-ungz -R 0 <big.$c | cmp - big && echo "$c: the same from a pipe"
	ll-ungz small.$c | cmp - small && echo "$c: 100 KiB of NULs, then text"
done
echo "rc=$?"
