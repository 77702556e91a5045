# Closing the pipe early ends the run quietly: 20,000 findings, more
# than a pipe holds (a manifest of objects the store does not hold).
mkdir -p store/b
python3 -c '
for i in range(20000):
    print("{\"url\":\"s3://b/k%05d\",\"status\":\"stored\",\"sha256\":null}" % i)' >m
ll-verify -q -s store m | head -n1
ll-verify -q -s store m | wc -l
