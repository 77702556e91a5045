# The bomb guard counts the compressed bytes libarchive reads: xz,
# bzip2 and tar.xz objects of 6.9 MB of text (ratios 20:1 to 3:1, far
# under 1000:1) come out whole, with no ratio_limit.  It had counted at
# most one read buffer, so these were cut off as bombs.
seq 1 1000000 >want
xz -1 <want >s.xz
bzip2 <want >s.bz2
tar -cJf s.tar.xz want
for f in s.xz s.bz2 s.tar.xz; do
	ll-ungz -S st "$f" | cmp - want && echo "$f: whole"
	jq -c '{rc: .exit, reasons}' st
done
