# Closing the pipe early ends the tool quietly; gzip input is read
# through the input layer.
seq 1 300000 | sed 's/.*/{"eventSource":"iam.amazonaws.com","eventName":"CreateUser","n":&}/' |
    gzip -n >in.gz
ll-sigma -y "$FIXTURES/sigma/iam.yml" in.gz | head -n1
