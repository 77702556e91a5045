/*
 * The columns every timeline record has, whatever its table: time,
 * table, account, region, principal, address, stream, action,
 * outcome, source_object.  Each is taken from the first of a list of
 * candidate fields a record has, flat (a readready column) or nested
 * (a raw record's path), so a new table is read without code that
 * names it.
 */
#ifndef LL_TL_COMMON_H
#define LL_TL_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "json/jscan.h"

enum {
	LL_C_TIME, LL_C_ACCOUNT, LL_C_REGION, LL_C_PRINCIPAL, LL_C_ADDRESS,
	LL_C_STREAM, LL_C_ACTION, LL_C_OUTCOME, LL_C_SOURCE, LL_NCOMMON
};

/* The output's columns, in order, "table" and "ll_match" among them. */
extern const char *const ll_common_columns[];
extern const size_t ll_common_ncolumns;

/* A candidate: the common field it gives, and where it is. */
struct ll_common_cand {
	int		 field;
	const char	*path;
};

extern const struct ll_common_cand ll_common_cands[];
extern const size_t ll_common_ncands;

void	ll_common_begin(struct ll_jbuf *, int64_t, const char *);
void	ll_common_str(struct ll_jbuf *, int, const char *, size_t);
void	ll_common_json(struct ll_jbuf *, int, const char *, size_t, int);
void	ll_common_null(struct ll_jbuf *, int);
int	ll_common_time_text(const char *, size_t, int, int64_t *);

#endif
