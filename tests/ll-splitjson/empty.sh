# Empty or whitespace-only input is an empty stream; --single rejects it.
ll-splitjson </dev/null
echo "rc=$?"
printf ' \n\t ' | ll-splitjson
echo "rc=$?"
ll-splitjson --single </dev/null
echo "rc=$?"
