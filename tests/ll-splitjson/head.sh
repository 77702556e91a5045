# Closing the pipe early ends the tool quietly.
seq 1 300000 | sed 's/.*/{"n":&}/' | gzip -n >in
ll-splitjson in | head -n1
