/*
 * Readready rows (JSON objects from ll-flatten) as Parquet rows: the
 * columns of a table but its partition columns, typed as the schema
 * says, and the conversion of one scanned row's values.
 */
#ifndef LL_PQROW_H
#define LL_PQROW_H

#include <stddef.h>

#include "json/jscan.h"
#include "lake/parquet.h"
#include "lake/schema.h"

struct ll_pqrow {
	struct ll_parquet_col *cols;
	struct ll_jval	*slot;		/* this row's value of each column */
	size_t		*len;		/* of each column's name */
	size_t		*src;		/* each column's index in the table */
	size_t		 ncols, guess;
	size_t		*sort;		/* the columns a file's rows sort by */
	size_t		 nsort;
	struct ll_jbuf	 str;
};

void	ll_pqrow_init(struct ll_pqrow *, const struct ll_table *, char **,
	    size_t);
void	ll_pqrow_clear(struct ll_pqrow *);
int	ll_pqrow_column(struct ll_pqrow *, const struct ll_jval *);
int	ll_pqrow_find(const struct ll_pqrow *, const char *);
int	ll_pqrow_write(struct ll_pqrow *, struct ll_pq *);
void	ll_pqrow_free(struct ll_pqrow *);

#endif
