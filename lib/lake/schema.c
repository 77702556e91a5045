/*
 * The readready tables: each source's (lib/lake/source.h), and
 * session_review, the sessions source's StartSession rows with a
 * session's transcript joined on by ll-join (ll-pipeline makes it; it
 * is here for its DDL).  Column names follow one rule (see
 * ll_schema_colname): the source path lowercased, dots to underscores,
 * and anything a query engine could reject turned into "_".  Objects
 * whose shape drifts between events are kept whole as JSON text, so a
 * field that is an object today and a string tomorrow never breaks a
 * table.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lake/schema.h"
#include "lake/source.h"
#include "xalloc.h"

/* What ll-pipeline's ll-join adds to a StartSession row. */
static const struct ll_column joined[] = {
	{ "transcript", NULL, LL_CT_STRING, LL_CK_JOINED, NULL },
	{ "transcript_lines", NULL, LL_CT_BIGINT, LL_CK_JOINED, NULL },
	{ "log_events", NULL, LL_CT_BIGINT, LL_CK_JOINED, NULL },
	{ "first_timestamp", NULL, LL_CT_TIMESTAMP, LL_CK_JOINED, NULL },
	{ "last_timestamp", NULL, LL_CT_TIMESTAMP, LL_CK_JOINED, NULL }
};

#define NJOINED		(sizeof(joined) / sizeof(joined[0]))

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
 * Names the columns T leaves NULL, from their paths, once; the names
 * live as long as the process, like the tables themselves.
 */
void
ll_schema_names(struct ll_table *t)
{
	static char namebuf[8192];
	static size_t used;
	struct ll_column *c;
	size_t i, n;
	char *cn;

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
}

/* The session review: the sessions source's columns, then ll-join's. */
static const struct ll_table *
review(void)
{
	static struct ll_column cols[256];
	static struct ll_table t = { "session_review", NULL, NULL, cols, 0,
	    1, NULL };
	const struct ll_source *s;

	if (t.ncols > 0)
		return &t;
	if ((s = ll_source_review(LL_RV_SESSIONS)) == NULL ||
	    s->table->ncols + NJOINED > sizeof(cols) / sizeof(cols[0]))
		abort();
	memcpy(cols, s->table->cols, s->table->ncols * sizeof(*cols));
	memcpy(cols + s->table->ncols, joined, sizeof(joined));
	t.key = s->table->key;
	t.partition = s->table->partition;
	t.ncols = s->table->ncols + NJOINED;
	return &t;
}

const struct ll_table *
ll_schema_table(const char *name)
{
	const struct ll_source *s;

	if ((s = ll_source_find(name)) != NULL)
		return s->table;
	if (strcmp(name, "session_review") == 0)
		return review();
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
	case LL_CT_TIMESTAMP:
		return "timestamp";
	default:
		return "string";
	}
}
