/*
 * Candidates are tried in the order listed: readready column names
 * (lower case, flattened) and the raw records' paths side by side.
 * CloudTrail and its session_review rows give eventtime, the account
 * the event was delivered to, the caller's ARN (else its user name,
 * principal id or invoking service); CloudWatch Logs rows give
 * event_time, the owner account, the log stream and, for Session
 * Manager transcripts, the user's ARN and what was typed (a raw
 * event's sessionData, an array of lines, is joined by newlines).  Names that
 * are common elsewhere (time, region, accountId, operation, modelId,
 * as in Bedrock's invocation logs) come last.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "isotime.h"
#include "json/jfind.h"
#include "json/jscan.h"
#include "lake/pqread.h"
#include "xalloc.h"

const char *const ll_common_columns[] = {
	"time", "table", "account", "region", "principal", "address",
	"stream", "action", "outcome", "source_object", "ll_match", "record"
};
const size_t ll_common_ncolumns =
    sizeof(ll_common_columns) / sizeof(ll_common_columns[0]);

/* The JSON member names of the fields, in the enum's order. */
static const char *const keys[LL_NCOMMON] = {
	"\"time\":", ",\"account\":", ",\"region\":", ",\"principal\":",
	",\"address\":", ",\"stream\":", ",\"action\":", ",\"outcome\":",
	",\"source_object\":"
};

const struct ll_common_cand ll_common_cands[] = {
	{ LL_C_TIME, "eventtime" },
	{ LL_C_TIME, "event_time" },
	{ LL_C_TIME, "eventTime" },
	{ LL_C_TIME, "timestamp" },
	{ LL_C_TIME, "time" },
	{ LL_C_ACCOUNT, "recipientaccountid" },
	{ LL_C_ACCOUNT, "recipientAccountId" },
	{ LL_C_ACCOUNT, "owner" },
	{ LL_C_ACCOUNT, "useridentity_accountid" },
	{ LL_C_ACCOUNT, "userIdentity.accountId" },
	{ LL_C_ACCOUNT, "accountid" },
	{ LL_C_ACCOUNT, "accountId" },
	{ LL_C_REGION, "awsregion" },
	{ LL_C_REGION, "awsRegion" },
	{ LL_C_REGION, "region" },
	{ LL_C_REGION, "message.awsRegion" },
	{ LL_C_PRINCIPAL, "useridentity_arn" },
	{ LL_C_PRINCIPAL, "userIdentity.arn" },
	{ LL_C_PRINCIPAL, "message.userIdentity.arn" },
	{ LL_C_PRINCIPAL, "useridentity_username" },
	{ LL_C_PRINCIPAL, "userIdentity.userName" },
	{ LL_C_PRINCIPAL, "useridentity_principalid" },
	{ LL_C_PRINCIPAL, "userIdentity.principalId" },
	{ LL_C_PRINCIPAL, "useridentity_invokedby" },
	{ LL_C_PRINCIPAL, "userIdentity.invokedBy" },
	{ LL_C_PRINCIPAL, "runasuser" },
	{ LL_C_PRINCIPAL, "message.runAsUser" },
	{ LL_C_PRINCIPAL, "identity_arn" },
	{ LL_C_PRINCIPAL, "identity.arn" },
	{ LL_C_ADDRESS, "sourceipaddress" },
	{ LL_C_ADDRESS, "sourceIPAddress" },
	{ LL_C_ADDRESS, "sourceip" },
	{ LL_C_ADDRESS, "sourceIp" },
	{ LL_C_STREAM, "eventsource" },
	{ LL_C_STREAM, "eventSource" },
	{ LL_C_STREAM, "logstream" },
	{ LL_C_STREAM, "logStream" },
	{ LL_C_STREAM, "modelid" },
	{ LL_C_STREAM, "modelId" },
	{ LL_C_ACTION, "eventname" },
	{ LL_C_ACTION, "eventName" },
	{ LL_C_ACTION, "sessiondata" },
	{ LL_C_ACTION, "message.sessionData" },
	{ LL_C_ACTION, "operation" },
	{ LL_C_ACTION, "message" },
	{ LL_C_OUTCOME, "errorcode" },
	{ LL_C_OUTCOME, "errorCode" },
	{ LL_C_OUTCOME, "errormessage" },
	{ LL_C_OUTCOME, "errorMessage" },
	{ LL_C_SOURCE, "source_object" }
};
const size_t ll_common_ncands =
    sizeof(ll_common_cands) / sizeof(ll_common_cands[0]);

/* Starts a record: its time (milliseconds) and its table. */
void
ll_common_begin(struct ll_jbuf *b, int64_t ms, const char *table)
{
	char t[40];

	if (ll_pqread_format_time(ms, 1000, t, sizeof(t)) == -1)
		abort();	/* the caller checked the range */
	ll_jbuf_addc(b, '{');
	ll_jbuf_adds(b, keys[LL_C_TIME]);
	ll_jbuf_addraw_str(b, t, strlen(t));
	ll_jbuf_adds(b, ",\"table\":");
	if (table != NULL)
		ll_jbuf_addraw_str(b, table, strlen(table));
	else
		ll_jbuf_adds(b, "null");
}

/* Field F's value: N bytes of text at S. */
void
ll_common_str(struct ll_jbuf *b, int f, const char *s, size_t n)
{
	ll_jbuf_adds(b, keys[f]);
	ll_jbuf_addraw_str(b, s, n);
}

/*
 * Field F from a JSON value of the record: a string's body as it is
 * written (ESC: with escapes), any other value as a string of its text.
 */
void
ll_common_json(struct ll_jbuf *b, int f, const char *s, size_t n, int str)
{
	ll_jbuf_adds(b, keys[f]);
	if (str) {
		ll_jbuf_addc(b, '"');
		ll_jbuf_add(b, s, n);
		ll_jbuf_addc(b, '"');
	} else
		ll_jbuf_addraw_str(b, s, n);
}

void
ll_common_null(struct ll_jbuf *b, int f)
{
	ll_jbuf_adds(b, keys[f]);
	ll_jbuf_adds(b, "null");
}

/*
 * A time in milliseconds from text: RFC 3339 (CloudTrail's eventTime),
 * or with NUMBER a count of milliseconds since the epoch (CloudWatch
 * Logs' timestamp).  -1 if it is neither, or outside years 0-9999.
 */
int
ll_common_time_text(const char *s, size_t n, int number, int64_t *ms)
{
	char buf[32], *end;
	long long v;
	double d;

	if (!number)
		return ll_isotime_parse(s, n, ms);
	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	v = strtoll(buf, &end, 10);
	if (*end != '\0') {
		d = strtod(buf, &end);
		if (*end != '\0' || !(d > -62167219200000.0 &&
		    d < 253402300800000.0))
			return -1;
		v = (long long)d - (d < (double)(long long)d);
	}
	if (v < -62167219200000LL || v >= 253402300800000LL)
		return -1;
	*ms = v;
	return 0;
}
