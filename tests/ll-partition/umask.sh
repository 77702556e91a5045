# Data files and key sidecars get mode 0666 less the umask, folders
# 0777 less the umask, as any file a user makes.
python3 "$TOP/tests/lib/readready-rows.py" 2026-03-01:1-5 2026-03-02:6-9 >in
for m in 077 022 027; do
	echo "== umask $m"
	(umask $m && ll-partition -T cloudtrail -o out$m -S st$m in >/dev/null)
	echo "rc=$?"
	echo "files: $(find out$m -type f -printf '%m\n' | sort | uniq -c)"
	echo "folders: $(find out$m -type d -printf '%m\n' | sort | uniq -c)"
	stat -c '%a %n' st$m
done
