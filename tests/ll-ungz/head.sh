# Closing the pipe early ends the tool quietly (default SIGPIPE).
seq 1 500000 | gzip -n >in
ll-ungz in | head -n1
