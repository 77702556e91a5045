# Empty input: nothing out, exit 0, and no request (the endpoint is a
# closed port, which any request would fail on).
export AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_REGION=us-east-1 \
    AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
: | ll-replace -o s3://lake/rr/ -S stats.json
echo "rc=$?"
printf '\n\n' | ll-replace -o s3://lake/rr/
echo "rc=$?"
jq -c '{records_in,records_out,objects_uploaded,objects_deleted}' stats.json
