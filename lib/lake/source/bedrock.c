/*
 * Amazon Bedrock model invocation logs, delivered to S3: gzip objects
 * of one JSON record a line, one record per call of the bedrock-runtime
 * API (Converse, ConverseStream, InvokeModel,
 * InvokeModelWithResponseStream), under AWSLogs/ACCOUNT/
 * BedrockModelInvocationLogs/REGION/YYYY/MM/DD/HH/.  A body over about
 * 100 KB is written apart, under the hour's data/ folder, and the record
 * names it; those objects, and the permission check Bedrock writes when
 * logging is set up, hold no records.  Bodies are model-specific JSON,
 * kept whole as text.
 */
#include "lake/controls.h"
#include "lake/schema.h"
#include "lake/source.h"

#define S	LL_CT_STRING
#define I	LL_CT_BIGINT
#define T	LL_CT_TIMESTAMP
#define F	LL_CK_FIELD
#define J	LL_CK_JSON

static const struct ll_keypat keys[] = {
	{ "bedrock", "AWSLogs/{account}/BedrockModelInvocationLogs/{region}/"
	    "{year}/{month}/{day}/{hour}/*.json.gz", 1 },
	{ "bedrock-body", "AWSLogs/{account}/BedrockModelInvocationLogs/"
	    "{region}/{year}/{month}/{day}/{hour}/data/*.json.gz", 0 },
	{ "bedrock-check", "AWSLogs/{account}/BedrockModelInvocationLogs/"
	    "amazon-bedrock-logs-permission-check", 0 },
	{ NULL, NULL, 0 }
};

static struct ll_column cols[] = {
	{ "timestamp", "timestamp", T, F, NULL },
	{ "calendarday", "timestamp", S, LL_CK_DAY, NULL },
	{ "accountid", "accountId", S, F, NULL },
	{ "region", "region", S, F, NULL },
	{ "inferenceregion", "inferenceRegion", S, F, NULL },
	{ "requestid", "requestId", S, F, NULL },
	{ "operation", "operation", S, F, NULL },
	{ "modelid", "modelId", S, F, NULL },
	{ "identity_arn", "identity.arn", S, F, NULL },
	{ "status", "status", S, F, NULL },
	{ "errorcode", "errorCode", S, F, NULL },
	{ "schematype", "schemaType", S, F, NULL },
	{ "schemaversion", "schemaVersion", S, F, NULL },
	{ "requestmetadata", "requestMetadata", S, J, NULL },
	{ "performanceconfig_latency", "performanceConfig.latency", S, F,
	    NULL },
	{ "input_content_type", "input.inputContentType", S, F, NULL },
	{ "input_token_count", "input.inputTokenCount", I, F, NULL },
	{ "input_cache_read_token_count", "input.cacheReadInputTokenCount",
	    I, F, NULL },
	{ "input_cache_write_token_count", "input.cacheWriteInputTokenCount",
	    I, F, NULL },
	{ "input_body", "input.inputBodyJson", S, J, NULL },
	{ "input_body_s3path", "input.inputBodyS3Path", S, F, NULL },
	{ "output_content_type", "output.outputContentType", S, F, NULL },
	{ "output_token_count", "output.outputTokenCount", I, F, NULL },
	{ "output_body", "output.outputBodyJson", S, J, NULL },
	{ "output_body_s3path", "output.outputBodyS3Path", S, F, NULL },
	{ "source_object", "source_object", S, F, NULL }
};

/* One model's calls together, then one caller's. */
static struct ll_table table = { "bedrock", "requestid", "calendarday",
    cols, sizeof(cols) / sizeof(cols[0]), 0,
    "modelid,operation,accountid,identity_arn,timestamp" };

/* A model id, or the ARN of an inference profile or a custom model. */
static const struct ll_cfield modelid = { "modelid",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_:/",
    1, 2048, "a model id such as anthropic.claude-3-haiku-20240307-v1:0",
    NULL };

static const struct ll_cpath controls[] = {
	{ "accountId", &ll_controls_account, LL_CV_TEXT },
	{ "region", &ll_controls_region, LL_CV_TEXT },
	{ "modelId", &modelid, LL_CV_TEXT },
	{ "timestamp", &ll_controls_day, LL_CV_TIME },
	{ NULL, NULL, LL_CV_TEXT }
};

const struct ll_source ll_source_bedrock = {
	.name = "bedrock",
	.about = "Amazon Bedrock model invocation logs",
	.keys = keys,
	.time = "timestamp",
	.timefmt = LL_TF_RFC3339,
	.table = &table,
	.controls = controls
};
