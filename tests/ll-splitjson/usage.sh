ll-splitjson -x
echo "rc=$?"
ll-splitjson --keep owner
echo "rc=$?"
ll-splitjson --explode '.a..b'
echo "rc=$?"
ll-splitjson --keep 'a"b' -e x
echo "rc=$?"
ll-splitjson -h | head -n1
ll-splitjson -V | sed 's/[0-9.]*$/X/'
