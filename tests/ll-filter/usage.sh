# Bad command lines exit 2 and say what is wrong; -h prints the usage.
ll-filter -y
echo "rc=$?"
ll-filter -w '.eventName'
echo "rc=$?"
ll-filter -w '.a..b = 1'
echo "rc=$?"
ll-filter -w '.a ~ (' </dev/null
echo "rc=$?"
ll-filter -w '.a in' </dev/null
echo "rc=$?"
ll-filter -w '.a < yesterday' </dev/null
echo "rc=$?"
ll-filter -w '.a exists 1' </dev/null
echo "rc=$?"
ll-filter -i -w '.a = b' </dev/null
echo "rc=$?"
ll-filter -M 1X </dev/null
echo "rc=$?"
ll-filter -w '.a in @missing.txt' </dev/null
echo "rc=$?"
printf 'deny region us-east-1\n' >ctl
ll-filter -c ctl -c ctl </dev/null
echo "rc=$?"
ll-filter -h | head -n1
ll-filter -V | sed 's/[0-9.]*$/X/'
