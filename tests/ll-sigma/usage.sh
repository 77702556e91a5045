# Bad command lines exit 2 and say what is wrong; -h prints the usage.
r=$FIXTURES/sigma/iam.yml
ll-sigma </dev/null
echo "rc=$?"
ll-sigma -x -y "$r" </dev/null
echo "rc=$?"
ll-sigma -y missing.yml </dev/null
echo "rc=$?"
mkdir none
ll-sigma -y none </dev/null
echo "rc=$?"
ll-sigma -K -y "$r" somefile
echo "rc=$?"
ll-sigma -y "$r" -M 1X </dev/null
echo "rc=$?"
ll-sigma -y "$r" missing.ndjson
echo "rc=$?"
ll-sigma -h | head -n1
ll-sigma -V | sed 's/[0-9.]*$/X/'
