/*
 * Aggregates: one flat value computed over a group of records, for
 * tables whose rows may hold no nested values.  Specified as
 * NAME=count, or NAME=FUNC:PATH with FUNC lines, text, first or last.
 */
#ifndef LL_AGG_H
#define LL_AGG_H

#include <stddef.h>

#include <jansson.h>

#include "buf.h"
#include "json/path.h"

enum ll_agg_func {
	LL_AGG_COUNT,		/* records in the group */
	LL_AGG_LINES,		/* lines of the text, joined by newlines */
	LL_AGG_TEXT,		/* values joined by sep into one string */
	LL_AGG_FIRST,		/* first value that is not null */
	LL_AGG_LAST		/* last value that is not null */
};

struct ll_agg {
	char		*name;
	enum ll_agg_func func;
	struct ll_path	 path;		/* n == 0 for count */
	const char	*sep;		/* between text pieces */
	size_t		 n;
	int		 have;
	struct ll_buf	 text;
	json_t		*val;
};

int	ll_agg_parse(struct ll_agg *, const char *, const char **);
void	ll_agg_start(struct ll_agg *);
void	ll_agg_add(struct ll_agg *, json_t *);
json_t	*ll_agg_end(struct ll_agg *);
void	ll_agg_free(struct ll_agg *);

#endif
