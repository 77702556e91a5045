/* The output buffer; its escaping is json.c's. */
#include <sys/mman.h>

#include <stdlib.h>
#include <string.h>

#include "json/jbuf.h"
#include "json/json.h"
#include "xalloc.h"

/* The size B doubles to for N more bytes. */
static size_t
grown_size(const struct ll_jbuf *b, size_t n)
{
	size_t size = b->size;

	while (size - b->len < n)
		size = size == 0 ? 4096 : size * 2;
	return size;
}

void
ll_jbuf_grow(struct ll_jbuf *b, size_t n)
{
	if (b->size - b->len >= n)
		return;
	if (b->mapped) {
		ll_jbuf_grow_huge(b, n);
		return;
	}
	b->size = grown_size(b, n);
	b->p = xrealloc(b->p, b->size);
}

/*
 * As ll_jbuf_grow, for a buffer that may grow to many megabytes and
 * is then written once from start to end (ll-partition's rows held
 * for sorting): past LL_HUGE_MIN it moves to a mapping of whole 2 MiB
 * pages advised as huge pages before it is touched, which spares a
 * page fault every 4 KiB, and grows by remapping, which spares the
 * copy and the zeroing of fresh pages that a doubling costs.
 */
void
ll_jbuf_grow_huge(struct ll_jbuf *b, size_t n)
{
	const size_t huge = (size_t)2 << 20;
	size_t size;
	char *p;

	if (b->size - b->len >= n)
		return;
	size = grown_size(b, n);
	if (size < LL_HUGE_MIN && !b->mapped) {
		ll_jbuf_grow(b, n);
		return;
	}
	size = (size + huge - 1) & ~(huge - 1);
	if (b->mapped)
		p = xmremap_huge(b->p, b->size, size);
	else {
		p = xmmap_huge(size);
		if (b->len > 0)
			memcpy(p, b->p, b->len);
		free(b->p);
		b->mapped = 1;
	}
	b->p = p;
	b->size = size;
}

void
ll_jbuf_add(struct ll_jbuf *b, const void *p, size_t n)
{
	if (n == 0)
		return;		/* memcpy wants pointers even then */
	ll_jbuf_grow(b, n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

void
ll_jbuf_adds(struct ll_jbuf *b, const char *s)
{
	ll_jbuf_add(b, s, strlen(s));
}

void
ll_jbuf_addc(struct ll_jbuf *b, char c)
{
	ll_jbuf_grow(b, 1);
	b->p[b->len++] = c;
}

/* Appends bytes P escaped for use inside a JSON string. */
void
ll_jbuf_addesc(struct ll_jbuf *b, const char *p, size_t n)
{
	ll_jbuf_grow(b, n * 6);
	b->len += ll_json_escape(b->p + b->len, p, n);
}

/* Appends bytes P as a JSON string. */
void
ll_jbuf_addraw_str(struct ll_jbuf *b, const char *p, size_t n)
{
	ll_jbuf_addc(b, '"');
	ll_jbuf_addesc(b, p, n);
	ll_jbuf_addc(b, '"');
}

/* A string value as is; any other value as a string of its JSON text. */
void
ll_jbuf_addval_str(struct ll_jbuf *b, const struct ll_jval *v)
{
	if (v->type == LL_JSTR)
		ll_jbuf_add(b, v->p, v->n);
	else
		ll_jbuf_addraw_str(b, v->p, v->n);
}

/* Appends the bytes a scanned string stands for, its escapes decoded. */
void
ll_jbuf_addunesc(struct ll_jbuf *b, const struct ll_jval *v)
{
	ll_jbuf_grow(b, v->n);
	b->len += ll_json_unescape(b->p + b->len, v->p + 1, v->n - 2);
}

void
ll_jbuf_free(struct ll_jbuf *b)
{
	if (b->mapped)
		munmap(b->p, b->size);
	else
		free(b->p);
	memset(b, 0, sizeof(*b));
}
