# Bad command lines exit 2 and say what is wrong; -h prints the usage.
ll-timeline -Q
echo "rc=$?"
ll-timeline -f 2026-02-30
echo "rc=$?"
ll-timeline --since yesterday
echo "rc=$?"
ll-timeline -f 2026-03-02 -t 2026-03-01
echo "rc=$?"
ll-timeline -o xml
echo "rc=$?"
ll-timeline -j 0
echo "rc=$?"
ll-timeline -b 10K
echo "rc=$?"
ll-timeline -D nowhere
echo "rc=$?"
mkdir -p notalake/x
ll-timeline -D notalake
echo "rc=$?"
ll-timeline -T a -T b
echo "rc=$?"
ll-timeline -i </dev/null
echo "rc=$?"
ll-timeline -h | head -n3
ll-timeline -V | sed 's/[0-9.]*$/X/'
