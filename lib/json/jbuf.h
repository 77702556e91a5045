/*
 * A growing output buffer for records built by hand, with writers that
 * turn raw bytes and scanned values into JSON strings.
 */
#ifndef LL_JSON_JBUF_H
#define LL_JSON_JBUF_H

#include <stddef.h>

#include "json/lex.h"

struct ll_jbuf {
	char	*p;
	size_t	 len, size;
	int	 mapped;	/* by ll_jbuf_grow_huge: munmap, not free */
};

void	ll_jbuf_grow(struct ll_jbuf *, size_t);
void	ll_jbuf_grow_huge(struct ll_jbuf *, size_t);
void	ll_jbuf_add(struct ll_jbuf *, const void *, size_t);
void	ll_jbuf_adds(struct ll_jbuf *, const char *);
void	ll_jbuf_addc(struct ll_jbuf *, char);
void	ll_jbuf_addesc(struct ll_jbuf *, const char *, size_t);
void	ll_jbuf_addraw_str(struct ll_jbuf *, const char *, size_t);
void	ll_jbuf_addval_str(struct ll_jbuf *, const struct ll_jval *);
void	ll_jbuf_addunesc(struct ll_jbuf *, const struct ll_jval *);
void	ll_jbuf_free(struct ll_jbuf *);

#endif
