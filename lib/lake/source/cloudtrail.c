/*
 * AWS CloudTrail log files: a JSON document per object whose Records
 * array holds the events.  The table keeps every field CloudTrail
 * documents; objects whose shape drifts between services (request
 * parameters, response elements...) are kept whole as JSON text.  The
 * StartSession rows of Session Manager are the sessions the session
 * review shows.
 */
#include <string.h>

#include "lake/controls.h"
#include "lake/schema.h"
#include "lake/source.h"

#define S	LL_CT_STRING
#define B	LL_CT_BOOLEAN
#define T	LL_CT_TIMESTAMP
#define F	LL_CK_FIELD
#define J	LL_CK_JSON

/*
 * Session Manager names the session in the response of StartSession
 * and ResumeSession (which can be null when the call failed) and in
 * the request of TerminateSession.
 */
static void
ssm_session(const struct ll_jval *in, struct ll_jval *out,
    struct ll_jbuf *buf)
{
	(void)buf;
	memset(out, 0, sizeof(*out));
	if (!ll_jstr_eq(&in[0], "ssm.amazonaws.com"))
		return;
	if (ll_jstr_eq(&in[1], "StartSession") ||
	    ll_jstr_eq(&in[1], "ResumeSession"))
		*out = in[2];
	else if (ll_jstr_eq(&in[1], "TerminateSession"))
		*out = in[3];
}

static const struct ll_derive sessionid = {
	{ "eventSource", "eventName", "responseElements.sessionId",
	    "requestParameters.sessionId" }, ssm_session
};

static struct ll_column cols[] = {
	{ NULL, "eventVersion", S, F, NULL },
	{ NULL, "userIdentity.type", S, F, NULL },
	{ NULL, "userIdentity.principalId", S, F, NULL },
	{ NULL, "userIdentity.arn", S, F, NULL },
	{ NULL, "userIdentity.accountId", S, F, NULL },
	{ NULL, "userIdentity.accessKeyId", S, F, NULL },
	{ NULL, "userIdentity.userName", S, F, NULL },
	{ NULL, "userIdentity.invokedBy", S, F, NULL },
	{ NULL, "userIdentity.identityProvider", S, F, NULL },
	{ NULL, "userIdentity.credentialId", S, F, NULL },
	{ NULL, "userIdentity.onBehalfOf.userId", S, F, NULL },
	{ NULL, "userIdentity.onBehalfOf.identityStoreArn", S, F, NULL },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.type", S, F, NULL },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.principalId", S, F,
	    NULL },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.arn", S, F, NULL },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.accountId", S, F,
	    NULL },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.userName", S, F,
	    NULL },
	{ NULL, "userIdentity.sessionContext.webIdFederationData", S, J, NULL },
	{ NULL, "userIdentity.sessionContext.attributes.creationDate", S, F,
	    NULL },
	{ NULL, "userIdentity.sessionContext.attributes.mfaAuthenticated",
	    B, F, NULL },
	{ NULL, "userIdentity.sessionContext.sourceIdentity", S, F, NULL },
	{ NULL, "userIdentity.sessionContext.ec2RoleDelivery", S, F, NULL },
	{ NULL, "eventTime", T, F, NULL },
	{ NULL, "eventSource", S, F, NULL },
	{ NULL, "eventName", S, F, NULL },
	{ NULL, "awsRegion", S, F, NULL },
	{ NULL, "sourceIPAddress", S, F, NULL },
	{ NULL, "userAgent", S, F, NULL },
	{ NULL, "errorCode", S, F, NULL },
	{ NULL, "errorMessage", S, F, NULL },
	{ NULL, "requestParameters", S, J, NULL },
	{ NULL, "responseElements", S, J, NULL },
	{ NULL, "additionalEventData", S, J, NULL },
	{ NULL, "requestID", S, F, NULL },
	{ NULL, "eventID", S, F, NULL },
	{ NULL, "readOnly", B, F, NULL },
	{ NULL, "resources", S, J, NULL },
	{ NULL, "eventType", S, F, NULL },
	{ NULL, "apiVersion", S, F, NULL },
	{ NULL, "managementEvent", B, F, NULL },
	{ NULL, "recipientAccountId", S, F, NULL },
	{ NULL, "serviceEventDetails", S, J, NULL },
	{ NULL, "sharedEventID", S, F, NULL },
	{ NULL, "vpcEndpointId", S, F, NULL },
	{ NULL, "vpcEndpointAccountId", S, F, NULL },
	{ NULL, "eventCategory", S, F, NULL },
	{ NULL, "addendum", S, J, NULL },
	{ NULL, "sessionCredentialFromConsole", B, F, NULL },
	{ NULL, "edgeDeviceDetails", S, J, NULL },
	{ NULL, "tlsDetails", S, J, NULL },
	{ NULL, "insightDetails", S, J, NULL },
	{ "calendarday", "eventTime", S, LL_CK_DAY, NULL },
	{ "sessionid", NULL, S, LL_CK_DERIVED, &sessionid },
	{ NULL, "source_object", S, F, NULL }
};

/*
 * Rows of one call together, then one caller's: their JSON text and
 * dictionary indices repeat, and compress to two thirds.
 */
static struct ll_table table = { "cloudtrail", "eventid", "calendarday",
    cols, sizeof(cols) / sizeof(cols[0]), 0,
    "eventsource,eventname,recipientaccountid,useridentity_arn,eventtime" };

/* An event source is a host name: ssm.amazonaws.com. */
static int
valid_source(const char *v, size_t n, int star)
{
	return star || memchr(v, '.', n) != NULL;
}

static const struct ll_cfield eventsource = { "eventsource",
    "abcdefghijklmnopqrstuvwxyz0123456789.-", 3, 128,
    "an event source such as ssm.amazonaws.com", valid_source };
static const struct ll_cfield eventname = { "eventname",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 1,
    128, "an event name such as StartSession", NULL };

static const struct ll_cpath controls[] = {
	{ "recipientAccountId", &ll_controls_account, LL_CV_TEXT },
	{ "userIdentity.accountId", &ll_controls_account, LL_CV_TEXT },
	{ "awsRegion", &ll_controls_region, LL_CV_TEXT },
	{ "eventSource", &eventsource, LL_CV_TEXT },
	{ "eventName", &eventname, LL_CV_TEXT },
	{ "eventTime", &ll_controls_day, LL_CV_TIME },
	{ NULL, NULL, LL_CV_TEXT }
};

/* Digests prove the log files whole; they hold no records. */
static const struct ll_keypat keys[] = {
	{ "cloudtrail", "AWSLogs/[{org}/]{account}/CloudTrail/{region}/"
	    "{year}/{month}/{day}/{account}_CloudTrail_{region}_*.json.gz", 1 },
	{ "cloudtrail-digest", "AWSLogs/[{org}/]{account}/CloudTrail-Digest/"
	    "{region}/{year}/{month}/{day}/"
	    "{account}_CloudTrail-Digest_{region}_*.json.gz", 0 },
	{ NULL, NULL, 0 }
};

const struct ll_source ll_source_cloudtrail = {
	.name = "cloudtrail",
	.about = "AWS CloudTrail log files: API calls and console sign-ins",
	.keys = keys,
	.explode = "Records",
	.time = "eventTime",
	.timefmt = LL_TF_RFC3339,
	.table = &table,
	.controls = controls,
	.review = LL_RV_SESSIONS,
	.review_where = { ".eventSource = ssm.amazonaws.com",
	    ".eventName = StartSession", NULL }
};
