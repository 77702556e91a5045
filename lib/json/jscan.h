/*
 * A validating JSON scanner over one record held in memory, for tools
 * that read a few fields of every line and copy the rest byte for
 * byte: no tree is built, values are handed out as spans of the
 * line (struct ll_jval, lex.h).  It checks the whole record (RFC 8259
 * grammar, UTF-8, \u escapes) at the speed of a single pass.  Values
 * are compared with ll_jstr_eq and written out through a jbuf, so
 * this header brings those too.
 */
#ifndef LL_JSON_JSCAN_H
#define LL_JSON_JSCAN_H

#include <stddef.h>

#include "json/jbuf.h"
#include "json/jstr.h"
#include "json/lex.h"

struct ll_jscan {
	const char	*start, *p, *end;
	const char	*err;		/* NULL, or what is wrong */
	char		*stack;		/* closers of open containers */
	size_t		 depth, cap;
};

/* Walks the members of an object or the elements of an array. */
struct ll_jiter {
	char	closer;
	int	first;
};

void	ll_jscan_init(struct ll_jscan *, const char *, size_t);
void	ll_jscan_free(struct ll_jscan *);
int	ll_jscan_value(struct ll_jscan *, struct ll_jval *);
int	ll_jscan_peek(struct ll_jscan *);
int	ll_jscan_open(struct ll_jscan *, struct ll_jiter *);
int	ll_jscan_next(struct ll_jscan *, struct ll_jiter *, struct ll_jval *);
int	ll_jscan_end(struct ll_jscan *);
size_t	ll_jscan_offset(const struct ll_jscan *);

#endif
