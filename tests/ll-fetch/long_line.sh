# A listing record of 10 MiB (a large extra field) is read whole.
mkdir -p src && echo data >src/obj
{
	printf '{"pad":"'
	head -c 10485760 /dev/zero | tr '\0' x
	printf '",'
	ll-fetch --list src | cut -c2-
} >in
wc -c <in
ll-fetch --get --store raw in >man
echo "rc=$?"
jq -r .status man
cat raw/src/obj
