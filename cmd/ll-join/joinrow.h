/*
 * Rows of a join: a left record with the columns it gains, those of
 * its right record or of its group.  When no column's name is in the
 * left record already, the left record's bytes are kept as they came
 * and the columns appended, so what passes through is not reformatted.
 */
#ifndef LL_JOINROW_H
#define LL_JOINROW_H

#include <stddef.h>

#include <jansson.h>

#include "buf.h"

void	ll_joinrow_extend(struct ll_buf *, const char *, size_t, json_t *,
	    json_t *);
json_t	*ll_joinrow_right(json_t *, json_t *, const char *);

#endif
