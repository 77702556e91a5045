# A corrupt member between good ones: the good members survive, the
# error names the byte offset, and the exit status is 1.
printf 'first\n' | gzip -n >in
printf 'second line that is damaged' | gzip -n >bad
printf 'third\n' | gzip -n >last
# Damage the deflate data of the middle member (its header stays valid).
python3 -c 'import sys; b=bytearray(open("bad","rb").read()); b[12]^=0xff; b[13]^=0xff; sys.stdout.buffer.write(b)' >>in
cat last >>in
ll-ungz -S stats.json in
echo "rc=$?"
jq -c '{records_in,files_damaged,files_ok,reasons,exit}' stats.json
