# A truncated gzip member in a Firehose-like object: the documents before
# and after it survive and the damage is reported.
printf '{"n":1}' | gzip -n >in
printf '{"n":2,"long":"%s"}' "$(seq 1 3000 | tr -d '\n')" | gzip -n | head -c 200 >>in
printf '{"n":3}' | gzip -n >>in
ll-splitjson -r rej in
echo "rc=$?"
wc -l <rej
