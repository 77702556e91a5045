ll-join -x
echo "rc=$?"
ll-join -k a left
echo "rc=$?"
ll-join -k a - -
echo "rc=$?"
ll-join left right
echo "rc=$?"
ll-join -1 a -2 b -2 c left right
echo "rc=$?"
ll-join -k a -J outer left right
echo "rc=$?"
ll-join -k a -a n left right
echo "rc=$?"
ll-join -k a -a n=sum:x left right
echo "rc=$?"
ll-join -k a -a n=count:x left right
echo "rc=$?"
ll-join -k a -a n=text left right
echo "rc=$?"
ll-join -k a -J anti -G g left right
echo "rc=$?"
ll-join -k a -p r_ -a n=count left right
echo "rc=$?"
ll-join -k a -b 12Q left right
echo "rc=$?"
ll-join -k a -a t=text:x -s "$(printf '\377')" left right
echo "rc=$?"
ll-join -k 'a..b' left right
echo "rc=$?"
ll-join -k a missing right
echo "rc=$?"
ll-join -h | head -n1
ll-join -V | sed 's/[0-9.]*$/X/'
