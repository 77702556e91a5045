# Two runs never overlap: the second one says so and exits 3.
. "$TOP/tests/lib/lake.sh"
mkdir -p lake/state src
flock lake/state/lock sh -c 'll-pipeline -q -D lake src 2>err; echo "rc=$?"'
sed "s|$PWD/||" err
