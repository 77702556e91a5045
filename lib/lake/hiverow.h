/*
 * Partition values given back to rows.  A file at TABLE/KEY=VALUE/...
 * holds rows without their partition columns, which its path gives;
 * readers put them back, where the table's schema (lib/lake/schema.c)
 * has them or else last, so that a row reads back as it was written.
 */
#ifndef LL_HIVEROW_H
#define LL_HIVEROW_H

#include <stddef.h>

#include "json/jscan.h"

struct ll_hivepart {
	char		*name;
	char		*key;		/* "name": */
	char		*val;		/* its value as JSON */
	int		 col;		/* in the table's schema, or -1 */
};

struct ll_hiverow {
	const struct ll_table *t;	/* NULL if the table is not known */
	struct ll_hivepart *p;
	size_t		 n;
	struct ll_jscan	 sc;
	unsigned char	*seen;
};

int	ll_hiverow_init(struct ll_hiverow *, const char *);
int	ll_hiverow_apply(struct ll_hiverow *, const char *, size_t,
	    struct ll_jbuf *);
void	ll_hiverow_free(struct ll_hiverow *);

#endif
