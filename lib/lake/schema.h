/*
 * The readready tables: every column with its type and where its value
 * comes from.  A source's table is written down in its definition
 * (lib/lake/source.h); the session review is the sessions source's
 * table with what ll-join adds.  ll-flatten fills rows from these
 * lists, ll-partition prints CREATE TABLE statements from them, and
 * their man pages repeat them for people.
 */
#ifndef LL_SCHEMA_H
#define LL_SCHEMA_H

#include <stddef.h>

#include "json/jscan.h"

enum ll_ctype {
	LL_CT_STRING,
	LL_CT_BOOLEAN,
	LL_CT_BIGINT,
	LL_CT_TIMESTAMP		/* an instant, UTC, in milliseconds */
};

/* Where a column's value comes from. */
enum ll_ckind {
	LL_CK_FIELD,		/* the scalar at PATH */
	LL_CK_JSON,		/* the value at PATH kept whole as JSON text */
	LL_CK_DAY,		/* the UTC day of the event time (PATH) */
	LL_CK_DERIVED,		/* computed by DERIVE (PATH: its main input) */
	LL_CK_JOINED		/* added by ll-join: the session review */
};

/*
 * A derived column's value, computed from the values at the paths IN
 * (absent ones LL_JNONE): OUT points into the record or into BUF, and
 * is typed as a value read from a record would be.
 */
struct ll_derive {
	const char	*in[4];		/* NULL-ended */
	void		(*fn)(const struct ll_jval *, struct ll_jval *,
			    struct ll_jbuf *);
};

struct ll_column {
	const char	*name;		/* NULL: made from PATH */
	const char	*path;		/* source field, dotted */
	enum ll_ctype	 type;
	enum ll_ckind	 kind;
	const struct ll_derive *derive;	/* LL_CK_DERIVED */
};

struct ll_table {
	const char		*name;
	const char		*key;		/* identifies a row */
	const char		*partition;	/* partition column */
	struct ll_column	*cols;
	size_t			 ncols;
	int			 joined;	/* rows come from ll-join */
	const char		*sort;		/* a file's rows, by columns */
};

const struct ll_table *ll_schema_table(const char *);
void	ll_schema_names(struct ll_table *);
int	ll_schema_column(const struct ll_table *, const char *);
const char *ll_schema_typename(enum ll_ctype);
char	*ll_schema_colname(const char *);

#endif
