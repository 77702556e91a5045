/*
 * The readready tables, written down once: every column with its
 * type and where its value comes from.  ll-flatten fills rows from
 * these lists, ll-partition prints CREATE TABLE statements from them,
 * and their man pages repeat them for people.
 */
#ifndef LL_SCHEMA_H
#define LL_SCHEMA_H

#include <stddef.h>

enum ll_ctype {
	LL_CT_STRING,
	LL_CT_BOOLEAN,
	LL_CT_BIGINT
};

enum ll_ckind {
	LL_CK_FIELD,		/* the scalar at PATH */
	LL_CK_JSON,		/* the value at PATH kept whole as JSON text */
	LL_CK_DERIVED		/* computed by ll-flatten (PATH: its input) */
};

struct ll_column {
	const char	*name;		/* NULL: derived from PATH */
	const char	*path;		/* source field, dotted */
	enum ll_ctype	 type;
	enum ll_ckind	 kind;
};

struct ll_table {
	const char		*name;
	const char		*key;		/* identifies a row */
	const char		*partition;	/* partition column */
	struct ll_column	*cols;
	size_t			 ncols;
	int			 joined;	/* rows come from ll-join */
};

const struct ll_table *ll_schema_table(const char *);
int	ll_schema_column(const struct ll_table *, const char *);
const char *ll_schema_typename(enum ll_ctype);
char	*ll_schema_colname(const char *);

#endif
