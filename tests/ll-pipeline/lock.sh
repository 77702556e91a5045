# Two runs never overlap: the second one says so and exits 3.  The lock
# is the state directory itself (flock(1) on it holds runs off).
. "$TOP/tests/lib/lake.sh"
mkdir -p lake/state src
flock lake/state sh -c 'll-pipeline -q -D lake src 2>err; echo "rc=$?"'
sed "s|$PWD/||" err
ls lake/state
