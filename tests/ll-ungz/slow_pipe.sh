# Members arriving through a slow pipe, the next header a byte at a
# time (as from ll-fetch --cat over a slow link), are read whole: the
# bytes after a member are not taken for garbage until the pipe says
# there are no more.
seq 1 1000 | gzip -n >a.gz
printf 'second\n' | gzip -n >b.gz
python3 - <<'PY' | ll-ungz -S st | tail -n 2
import os, time
a = open("a.gz", "rb").read()
b = open("b.gz", "rb").read()
for part in (a + b[:1], b[1:2], b[2:]):
    os.write(1, part)
    time.sleep(0.3)
PY
jq -c '{exit, reasons}' st
