/*
 * The readready schemas: cloudtrail and cloudwatch, flattened from the
 * sources, and session_review, cloudtrail's StartSession rows with a
 * session's transcript joined on by ll-join (ll-pipeline makes it; it
 * is here for its DDL).  Column names follow one rule (see
 * ll_schema_colname): the source path lowercased, dots to underscores, and
 * anything a query engine could reject turned into "_".  Objects whose
 * shape drifts between events are kept whole as JSON text, so a field
 * that is an object today and a string tomorrow never breaks a table.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lake/schema.h"
#include "xalloc.h"

#define S	LL_CT_STRING
#define B	LL_CT_BOOLEAN
#define I	LL_CT_BIGINT
#define F	LL_CK_FIELD
#define J	LL_CK_JSON
#define D	LL_CK_DERIVED

static struct ll_column cloudtrail[] = {
	{ NULL, "eventVersion", S, F },
	{ NULL, "userIdentity.type", S, F },
	{ NULL, "userIdentity.principalId", S, F },
	{ NULL, "userIdentity.arn", S, F },
	{ NULL, "userIdentity.accountId", S, F },
	{ NULL, "userIdentity.accessKeyId", S, F },
	{ NULL, "userIdentity.userName", S, F },
	{ NULL, "userIdentity.invokedBy", S, F },
	{ NULL, "userIdentity.identityProvider", S, F },
	{ NULL, "userIdentity.credentialId", S, F },
	{ NULL, "userIdentity.onBehalfOf.userId", S, F },
	{ NULL, "userIdentity.onBehalfOf.identityStoreArn", S, F },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.type", S, F },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.principalId", S, F },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.arn", S, F },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.accountId", S, F },
	{ NULL, "userIdentity.sessionContext.sessionIssuer.userName", S, F },
	{ NULL, "userIdentity.sessionContext.webIdFederationData", S, J },
	{ NULL, "userIdentity.sessionContext.attributes.creationDate", S, F },
	{ NULL, "userIdentity.sessionContext.attributes.mfaAuthenticated",
	    S, F },
	{ NULL, "userIdentity.sessionContext.sourceIdentity", S, F },
	{ NULL, "userIdentity.sessionContext.ec2RoleDelivery", S, F },
	{ NULL, "eventTime", S, F },
	{ NULL, "eventSource", S, F },
	{ NULL, "eventName", S, F },
	{ NULL, "awsRegion", S, F },
	{ NULL, "sourceIPAddress", S, F },
	{ NULL, "userAgent", S, F },
	{ NULL, "errorCode", S, F },
	{ NULL, "errorMessage", S, F },
	{ NULL, "requestParameters", S, J },
	{ NULL, "responseElements", S, J },
	{ NULL, "additionalEventData", S, J },
	{ NULL, "requestID", S, F },
	{ NULL, "eventID", S, F },
	{ NULL, "readOnly", B, F },
	{ NULL, "resources", S, J },
	{ NULL, "eventType", S, F },
	{ NULL, "apiVersion", S, F },
	{ NULL, "managementEvent", B, F },
	{ NULL, "recipientAccountId", S, F },
	{ NULL, "serviceEventDetails", S, J },
	{ NULL, "sharedEventID", S, F },
	{ NULL, "vpcEndpointId", S, F },
	{ NULL, "vpcEndpointAccountId", S, F },
	{ NULL, "eventCategory", S, F },
	{ NULL, "addendum", S, J },
	{ NULL, "sessionCredentialFromConsole", S, F },
	{ NULL, "edgeDeviceDetails", S, J },
	{ NULL, "tlsDetails", S, J },
	{ NULL, "insightDetails", S, J },
	{ "calendarday", "eventTime", S, D },
	{ "sessionid", NULL, S, D },
	{ NULL, "source_object", S, F }
};

/* Session Manager transcripts arrive as the message of a log event. */
static struct ll_column cloudwatch[] = {
	{ "owner", "owner", S, F },
	{ "loggroup", "logGroup", S, F },
	{ "logstream", "logStream", S, F },
	{ "event_id", "id", S, F },
	{ "timestamp", "timestamp", I, F },
	{ "event_time", "timestamp", S, D },
	{ "calendarday", "timestamp", S, D },
	{ "sessionid", "message.sessionId", S, F },
	{ "target_id", "message.target.id", S, F },
	{ "runasuser", "message.runAsUser", S, F },
	{ "useridentity_arn", "message.userIdentity.arn", S, F },
	{ "sessiondata", "message.sessionData", S, D },
	{ "message", "message", S, D },
	{ "source_object", "source_object", S, F }
};

#define NCLOUDTRAIL	(sizeof(cloudtrail) / sizeof(cloudtrail[0]))

/* What ll-pipeline's ll-join adds to a StartSession row. */
static const struct ll_column joined[] = {
	{ "transcript", NULL, S, D },
	{ "transcript_lines", NULL, I, D },
	{ "log_events", NULL, I, D },
	{ "first_timestamp", NULL, I, D },
	{ "last_timestamp", NULL, I, D }
};

#define NJOINED		(sizeof(joined) / sizeof(joined[0]))

/* Filled from the two above when first asked for. */
static struct ll_column review[NCLOUDTRAIL + NJOINED];

static struct ll_table tables[] = {
	{ "cloudtrail", "eventid", "calendarday", cloudtrail, NCLOUDTRAIL, 0 },
	{ "cloudwatch", "event_id", "calendarday", cloudwatch,
	    sizeof(cloudwatch) / sizeof(cloudwatch[0]), 0 },
	{ "session_review", "eventid", "calendarday", review,
	    NCLOUDTRAIL + NJOINED, 1 }
};

/* The naming rule: "userIdentity.arn" becomes "useridentity_arn". */
char *
ll_schema_colname(const char *path)
{
	char *name, *c;

	name = xstrdup(path);
	for (c = name; *c != '\0'; c++) {
		*c = (char)tolower((unsigned char)*c);
		if (!islower((unsigned char)*c) && !isdigit((unsigned char)*c))
			*c = '_';
	}
	return name;
}

/*
 * The names left NULL above are filled in once; they live as long as
 * the process, like the tables themselves.
 */
const struct ll_table *
ll_schema_table(const char *name)
{
	static char namebuf[4096];
	struct ll_table *t;
	struct ll_column *c;
	static size_t used;
	size_t i, n;
	char *cn;

	for (t = tables; t < tables + sizeof(tables) / sizeof(tables[0]);
	    t++) {
		if (strcmp(t->name, name) != 0)
			continue;
		if (t->cols == review && review[0].path == NULL) {
			ll_schema_table("cloudtrail");
			memcpy(review, cloudtrail, sizeof(cloudtrail));
			memcpy(review + NCLOUDTRAIL, joined, sizeof(joined));
		}
		for (i = 0; i < t->ncols; i++) {
			c = &t->cols[i];
			if (c->name != NULL)
				continue;
			cn = ll_schema_colname(c->path);
			n = strlen(cn) + 1;
			if (used + n > sizeof(namebuf))
				abort();
			c->name = memcpy(namebuf + used, cn, n);
			used += n;
			free(cn);
		}
		return t;
	}
	return NULL;
}

int
ll_schema_column(const struct ll_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
ll_schema_typename(enum ll_ctype t)
{
	switch (t) {
	case LL_CT_BOOLEAN:
		return "boolean";
	case LL_CT_BIGINT:
		return "bigint";
	default:
		return "string";
	}
}
