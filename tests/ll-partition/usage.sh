ll-partition -x
echo "rc=$?"
ll-partition -T cloudtrail
echo "rc=$?"
ll-partition -o out -T elb
echo "rc=$?"
ll-partition -T cloudtrail -d mysql -o out
echo "rc=$?"
ll-partition -T cloudtrail -d athena
echo "rc=$?"
ll-partition -T cloudtrail -o out -p 'a/b'
echo "rc=$?"
ll-partition -T cloudtrail -o out -s 0
echo "rc=$?"
ll-partition -T cloudtrail -o out -z 13
echo "rc=$?"
ll-partition -T cloudtrail -o out -f orc
echo "rc=$?"
ll-partition -T cloudtrail -o out -b 0
echo "rc=$?"
ll-partition -F -T cloudtrail -o out -p eventid,region
echo "rc=$?"
ll-partition -T cloudtrail -o '' </dev/null
echo "rc=$?"
ll-partition -T cloudtrail -d athena -L ''
echo "rc=$?"
ll-partition -h | head -n1
ll-partition -V | sed 's/[0-9.]*$/X/'
