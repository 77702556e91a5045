# Bedrock model invocation records into rows: bodies kept whole as JSON
# text (a stream's chunks too), a body written apart named by its S3
# path, token counts as integers, a failed call without output, the
# time to the millisecond in UTC.  A record without a readable
# timestamp is rejected; a count that is not an integer is nulled and
# counted; fields the table does not have are counted by path.
cat >in <<'X'
{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-03-01T23:00:17Z","accountId":"111122223333","identity":{"arn":"arn:aws:sts::111122223333:assumed-role/app/s1"},"region":"us-east-1","requestId":"915a6a04-3f83-4c70-a277-7fbf7ea546b3","operation":"Converse","modelId":"anthropic.claude-3-haiku-20240307-v1:0","input":{"inputContentType":"application/json","inputBodyJson":{"messages":[{"role":"user","content":[{"text":"Summarise ticket #42"}]}]},"inputTokenCount":35},"output":{"outputContentType":"application/json","outputBodyJson":{"output":{"message":{"role":"assistant","content":[{"text":"It is done."}]}},"stopReason":"end_turn","usage":{"inputTokens":35,"outputTokens":4,"totalTokens":39}},"outputTokenCount":4},"requestMetadata":{"traceId":"b956002a"}}
{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-03-02T00:00:01.250+01:00","accountId":"111122223333","identity":{"arn":"arn:aws:iam::111122223333:user/alice"},"region":"eu-west-1","inferenceRegion":"eu-central-1","requestId":"r-2","operation":"ConverseStream","modelId":"arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0","input":{"inputContentType":"application/json","inputBodyS3Path":"s3://b/AWSLogs/111122223333/BedrockModelInvocationLogs/eu-west-1/2026/03/01/23/data/r-2_input.json.gz","inputTokenCount":30000,"cacheReadInputTokenCount":1024,"cacheWriteInputTokenCount":0},"output":{"outputContentType":"application/json","outputBodyJson":[{"contentBlockDelta":{"delta":{"text":"Hel"}}},{"messageStop":{"stopReason":"end_turn"}}],"outputTokenCount":2},"performanceConfig":{"latency":"optimized"},"status":"Success"}
{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-03-01T10:00:00Z","accountId":"111122223333","identity":{"arn":"arn:aws:iam::111122223333:user/bob"},"region":"us-east-1","requestId":"r-3","operation":"InvokeModel","modelId":"amazon.titan-text-express-v1","errorCode":"ThrottlingException","status":"Failure","input":{"inputContentType":"application/json","inputBodyJson":{"inputText":"hi"},"inputTokenCount":"12"},"extra":{"a":1}}
{"timestamp":"2026-03-01 10:00:00","requestId":"r-4"}
{"requestId":"r-5"}
X
ll-flatten -T bedrock -S stats.json in >out
echo "rc=$?"
jq -c '[.requestid, .timestamp, .calendarday, .region, .inferenceregion,
    .operation, .modelid, .identity_arn, .status, .errorcode,
    .input_token_count, .input_cache_read_token_count, .output_token_count,
    .input_body, .input_body_s3path, .output_body, .performanceconfig_latency,
    .requestmetadata, .source_object]' out
jq -c '{records_in,records_out,rejected,reasons,values_nulled,dropped_fields}' \
    stats.json
ll-flatten -l -T bedrock
