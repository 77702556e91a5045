# Bad command lines exit 2 and say what is wrong; -h prints the usage.
# A key file that cannot be read is an I/O error (3), one that is not
# the output of list-public-keys a usage error (2).
ll-verify
echo "rc=$?"
ll-verify -s
echo "rc=$?"
ll-verify -x -s .
echo "rc=$?"
ll-verify -s . -f yesterday
echo "rc=$?"
ll-verify -s . -f 2026-03-02 -t 2026-03-01
echo "rc=$?"
ll-verify -s . -M 1X
echo "rc=$?"
ll-verify -s . -k missing.json
echo "rc=$?"
echo '{"Keys": []}' >k.json
ll-verify -s . -k k.json
echo "rc=$?"
echo '{' >k.json
ll-verify -s . -k k.json
echo "rc=$?"
ll-verify -s missing-store
echo "rc=$?"
ll-verify -h | head -n1
ll-verify -V | sed 's/[0-9.]*$/X/'
