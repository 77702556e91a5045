ll-flatten -x
echo "rc=$?"
ll-flatten
echo "rc=$?"
ll-flatten -T vpcflow
echo "rc=$?"
ll-flatten -h | head -n1
ll-flatten -V | sed 's/[0-9.]*$/X/'
