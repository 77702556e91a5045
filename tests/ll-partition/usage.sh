ll-partition -x
echo "rc=$?"
ll-partition -t cloudtrail
echo "rc=$?"
ll-partition -o out -t elb
echo "rc=$?"
ll-partition -t cloudtrail -d mysql -o out
echo "rc=$?"
ll-partition -t cloudtrail -d athena
echo "rc=$?"
ll-partition -t cloudtrail -o out -p 'a/b'
echo "rc=$?"
ll-partition -t cloudtrail -o out -s 0
echo "rc=$?"
ll-partition -t cloudtrail -o out -l 13
echo "rc=$?"
ll-partition -t cloudtrail -o out -f orc
echo "rc=$?"
ll-partition -t cloudtrail -o out -g 0
echo "rc=$?"
ll-partition -F -t cloudtrail -o out -p eventid,region
echo "rc=$?"
ll-partition -t cloudtrail -o '' </dev/null
echo "rc=$?"
ll-partition -t cloudtrail -d athena -L ''
echo "rc=$?"
ll-partition -h | head -n1
ll-partition -V | sed 's/[0-9.]*$/X/'
