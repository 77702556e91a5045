/*
 * A validating JSON scanner over one record held in memory, for tools
 * that read a few fields of every line and copy the rest byte for
 * byte: no tree is built, values are handed out as spans of the
 * line.  It checks the whole record (RFC 8259 grammar, UTF-8, \u
 * escapes) at the speed of a single pass.  Also here: a growing output
 * buffer with a writer that turns raw bytes into a JSON string.
 */
#ifndef LL_JSCAN_H
#define LL_JSCAN_H

#include <stddef.h>

enum ll_jtype {
	LL_JNONE,		/* absent */
	LL_JNULL,
	LL_JFALSE,
	LL_JTRUE,
	LL_JNUM,
	LL_JSTR,
	LL_JARR,
	LL_JOBJ
};

/* A value as a span of the record; strings keep their quotes. */
struct ll_jval {
	const char	*p;
	size_t		 n;
	int		 type;
	int		 esc;		/* string holds backslash escapes */
};

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
int	ll_jstr_eq(const struct ll_jval *, const char *);

struct ll_jbuf {
	char	*p;
	size_t	 len, size;
};

void	ll_jbuf_grow(struct ll_jbuf *, size_t);
void	ll_jbuf_add(struct ll_jbuf *, const void *, size_t);
void	ll_jbuf_adds(struct ll_jbuf *, const char *);
void	ll_jbuf_addc(struct ll_jbuf *, char);
void	ll_jbuf_addesc(struct ll_jbuf *, const char *, size_t);
void	ll_jbuf_addraw_str(struct ll_jbuf *, const char *, size_t);
void	ll_jbuf_addval_str(struct ll_jbuf *, const struct ll_jval *);
void	ll_jbuf_addunesc(struct ll_jbuf *, const struct ll_jval *);
void	ll_jbuf_free(struct ll_jbuf *);

#endif
