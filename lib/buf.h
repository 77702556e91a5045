/*
 * A growable byte buffer for building output records and keys.
 * It is reused from record to record: set n to 0 to empty it.
 */
#ifndef LL_BUF_H
#define LL_BUF_H

#include <stddef.h>

#include <jansson.h>

struct ll_buf {
	char	*p;
	size_t	 n;
	size_t	 cap;
};

char	*ll_buf_reserve(struct ll_buf *, size_t);
void	ll_buf_add(struct ll_buf *, const void *, size_t);
void	ll_buf_addc(struct ll_buf *, int);
void	ll_buf_json(struct ll_buf *, const json_t *);
void	ll_buf_free(struct ll_buf *);

#endif
