# Closing the pipe early ends the tool quietly.
seq 1 300000 | sed 's/.*/{"n":&}/' | gzip -n >in.gz
ll-filter -w '.n > 5' in.gz | head -n1
