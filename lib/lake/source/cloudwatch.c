/*
 * CloudWatch Logs delivered by Amazon Data Firehose: objects of gzip
 * members back to back, each a document whose logEvents array holds
 * the log events, with the log group and stream beside it.  Session
 * Manager transcripts arrive as JSON inside a log event's message: the
 * flattener reads the session columns from it, and those log events are
 * what the session review shows typed in each session.  Control
 * messages, Firehose's health checks, are not log events.
 */
#include <string.h>

#include "lake/controls.h"
#include "lake/schema.h"
#include "lake/source.h"

#define S	LL_CT_STRING
#define F	LL_CK_FIELD
#define D	LL_CK_DERIVED

static void
span(struct ll_jval *v, const char *p, size_t n, int type, int esc)
{
	v->p = p;
	v->n = n;
	v->type = type;
	v->esc = esc;
}

/* Session Manager transcript lines, joined with newlines. */
static void
lines(const struct ll_jval *in, struct ll_jval *out, struct ll_jbuf *buf)
{
	struct ll_jscan s;
	struct ll_jiter it;
	struct ll_jval e;
	int first;

	if (in[0].type != LL_JARR) {
		*out = in[0];
		return;
	}
	buf->len = 0;
	memset(&s, 0, sizeof(s));
	ll_jscan_init(&s, in[0].p, in[0].n);
	ll_jbuf_addc(buf, '"');
	(void)ll_jscan_open(&s, &it);
	for (first = 1; ll_jscan_next(&s, &it, NULL) == 1; first = 0) {
		(void)ll_jscan_value(&s, &e);
		if (!first)
			ll_jbuf_add(buf, "\\n", 2);
		if (e.type == LL_JSTR)
			ll_jbuf_add(buf, e.p + 1, e.n - 2);
		else
			ll_jbuf_addesc(buf, e.p, e.n);
	}
	ll_jbuf_addc(buf, '"');
	ll_jscan_free(&s);
	span(out, buf->p, buf->len, LL_JSTR, 1);
}

/*
 * The message column holds a log event's text, unless it is a Session
 * Manager transcript, whose text is in the session columns already.
 */
static void
log_text(const struct ll_jval *in, struct ll_jval *out, struct ll_jbuf *buf)
{
	(void)buf;
	if (in[1].type != LL_JNONE || in[2].type != LL_JNONE)
		memset(out, 0, sizeof(*out));
	else
		*out = in[0];
}

static const struct ll_derive transcript = { { "message.sessionData" },
    lines };
static const struct ll_derive text = { { "message", "message.sessionData",
    "message.sessionId" }, log_text };

static struct ll_column cols[] = {
	{ "owner", "owner", S, F, NULL },
	{ "loggroup", "logGroup", S, F, NULL },
	{ "logstream", "logStream", S, F, NULL },
	{ "event_id", "id", S, F, NULL },
	{ "timestamp", "timestamp", LL_CT_TIMESTAMP, F, NULL },
	{ "calendarday", "timestamp", S, LL_CK_DAY, NULL },
	{ "sessionid", "message.sessionId", S, F, NULL },
	{ "target_id", "message.target.id", S, F, NULL },
	{ "runasuser", "message.runAsUser", S, F, NULL },
	{ "useridentity_arn", "message.userIdentity.arn", S, F, NULL },
	{ "sessiondata", "message.sessionData", S, D, &transcript },
	{ "message", "message", S, D, &text },
	{ "source_object", "source_object", S, F, NULL }
};

/* A log stream's events together, in their order. */
static struct ll_table table = { "cloudwatch", "event_id", "calendarday",
    cols, sizeof(cols) / sizeof(cols[0]), 0,
    "loggroup,owner,logstream,timestamp" };

static const struct ll_cfield loggroup = { "loggroup",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/#-",
    1, 512, "a log group name", NULL };

static const struct ll_cpath controls[] = {
	{ "owner", &ll_controls_account, LL_CV_TEXT },
	{ "logGroup", &loggroup, LL_CV_TEXT },
	{ "timestamp", &ll_controls_day, LL_CV_TIME },
	{ NULL, NULL, LL_CV_TEXT }
};

/*
 * Firehose names an object STREAM-VERSION-YYYY-MM-DD-HH-MM-SS-ID, under
 * its UTC delivery hour, after any prefix; gzip members, no suffix.
 */
static const struct ll_keypat keys[] = {
	{ "firehose", "{year}/{month}/{day}/{hour}/"
	    "?*-{#}-####-##-##-##-##-##-?*", 1 },
	{ NULL, NULL, 0 }
};

const struct ll_source ll_source_cloudwatch = {
	.name = "cloudwatch",
	.about = "CloudWatch Logs delivered by Amazon Data Firehose",
	.keys = keys,
	.explode = "logEvents",
	.keep = "messageType,owner,logGroup,logStream",
	.time = "timestamp",
	.timefmt = LL_TF_EPOCH_MS,
	.parse = "message",
	.skip = { "messageType", "CONTROL_MESSAGE", LL_R_CONTROL_MESSAGE },
	.table = &table,
	.controls = controls,
	.review = LL_RV_TRANSCRIPTS,
	.review_where = { ".logGroup = /aws/ssm/sessionlogs", NULL }
};
