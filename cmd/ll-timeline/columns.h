/*
 * -l/--columns: the full record of each timeline row keeps only the
 * columns named, in the record's own order.  The common columns are
 * still computed from whatever they need, and indicators are still
 * looked for in every column: the list only decides what is printed,
 * and, without indicators, which Parquet columns are decoded at all.
 */
#ifndef LL_TL_COLUMNS_H
#define LL_TL_COLUMNS_H

#include <stddef.h>

#include "json/jscan.h"
#include "strset.h"

struct ll_pqfile;
struct ll_tables;

struct ll_cols {
	struct ll_strset names;		/* empty: every column */
};

void	ll_cols_parse(struct ll_cols *, const char *);
void	ll_cols_check(const struct ll_cols *, const struct ll_tables *);
int	ll_cols_has(const struct ll_cols *, const char *, size_t);
void	ll_cols_project(const struct ll_cols *, const char *, size_t,
	    struct ll_jbuf *);
void	ll_cols_free(struct ll_cols *);

#endif
