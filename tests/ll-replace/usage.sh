# Usage errors exit 2 with the SYNOPSIS, before anything is read or sent.
ll-replace -x
echo "rc=$?"
ll-replace </dev/null
echo "rc=$?"
ll-replace -o /tmp/lake </dev/null
echo "rc=$?"
ll-replace -o s3://Bad_Bucket/ </dev/null
echo "rc=$?"
for p in part.json.gz 'a*b*c' '*' 'x/*.gz'; do
	ll-replace -n "$p" -o s3://lake/ </dev/null
	echo "rc=$?"
done
ll-replace -X 1M -o s3://lake/ </dev/null
echo "rc=$?"
ll-replace -j 0 -o s3://lake/ </dev/null
echo "rc=$?"
ll-replace -h | head -n1
ll-replace -V | sed 's/[0-9.]*$/X/'
