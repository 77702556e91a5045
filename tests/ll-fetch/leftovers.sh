# What a killed run left behind is removed by the next run (ll-fetch(1),
# FILES): unlocked temporary files of its own pattern in the store's
# temporary folder, and earlier temporary copies of the --failures and
# --stats files.  A file a live run holds locked, a name not of its
# pattern, and a link named like a temporary file (and what it points
# at) are left alone.
cp -R "$FIXTURES/bucket" .
ll-fetch --list bucket >list
echo '{"url":"file:///nonexistent/x","bucket":"b","key":"x"}' >>list
mkdir -p raw/.ll-fetch.tmp
t=raw/.ll-fetch.tmp
echo keep >victim
head -c 100000 /dev/zero >"$t/4242-1"
head -c 100000 /dev/zero >"$t/4242-2"
echo notes >"$t/notes"
ln -s "$PWD/victim" "$t/4242-3"
head -c 100000 /dev/zero >.fail.tmp.AbC123
head -c 100000 /dev/zero >.st.tmp.Zz9Yy8
ln -s "$PWD/victim" .fail.tmp.LnK123
echo keep >.other.tmp.AbC123
flock "$t/4242-2" sleep 30 &
locker=$!
sleep 0.5
ll-fetch --get --store raw -F fail -S st <list >/dev/null 2>err
echo "rc=$?"
kill $locker
ls -A "$t" | sort
ls -A | grep '^\.' | sort
cat victim
jq -c '{stored, failed}' st
wc -l <fail
