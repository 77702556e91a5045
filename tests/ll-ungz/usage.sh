# Bad usage prints the usage to stderr and exits 2; --help to stdout, 0.
ll-ungz --no-such-option
echo "rc=$?"
ll-ungz --help
echo "rc=$?"
ll-ungz --max-ratio lots
echo "rc=$?"
