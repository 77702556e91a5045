ll-register -x
echo "rc=$?"
ll-register -T t
echo "rc=$?"
ll-register -d lake
echo "rc=$?"
ll-register -P -T t -b 101
echo "rc=$?"
ll-register -h | head -n1
ll-register -V | sed 's/[0-9.]*$/X/'
