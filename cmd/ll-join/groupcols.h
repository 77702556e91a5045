/*
 * The columns a grouped join adds to a left record's row from its
 * group of right records: with --group NAME the records themselves,
 * in order, and with --agg aggregates over them (lib/agg.h).  Without
 * --group only what the aggregates read is needed, so right records
 * are held projected, as an array of their values at the aggregates'
 * paths: less to hold and to spill.  Aggregates over one path share
 * one slot of that array.
 */
#ifndef LL_GROUPCOLS_H
#define LL_GROUPCOLS_H

#include <stddef.h>

#include <jansson.h>

#include "agg.h"
#include "buf.h"
#include "join.h"

struct ll_groupcols {
	const char	*group;		/* --group NAME, or NULL */
	struct ll_agg	*agg;
	size_t		*slot;		/* of each agg in projected records */
	size_t		 nagg;
	size_t		 nslot;		/* distinct --agg paths */
	int		 project;	/* right records held projected */
};

int	ll_groupcols_agg(struct ll_groupcols *, const char *, const char **);
void	ll_groupcols_ready(struct ll_groupcols *, const char *);
void	ll_groupcols_project(const struct ll_groupcols *, json_t *,
	    struct ll_buf *);
json_t	*ll_groupcols_make(struct ll_groupcols *,
	    const struct ll_join_group *);
void	ll_groupcols_free(struct ll_groupcols *);

#endif
