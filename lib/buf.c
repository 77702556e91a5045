/* Growable byte buffers. */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "exit.h"
#include "xalloc.h"

/* Makes room for N more bytes and returns where they go. */
char *
ll_buf_reserve(struct ll_buf *b, size_t n)
{
	size_t cap;

	if (n > b->cap - b->n) {
		cap = b->cap > 0 ? b->cap : 256;
		while (n > cap - b->n) {
			if (cap > SIZE_MAX / 2)
				errx(LL_EXIT_IO, "out of memory");
			cap *= 2;
		}
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	return b->p + b->n;
}

void
ll_buf_add(struct ll_buf *b, const void *p, size_t n)
{
	ll_buf_reserve(b, n);
	if (n > 0)
		memcpy(b->p + b->n, p, n);
	b->n += n;
}

void
ll_buf_addc(struct ll_buf *b, int c)
{
	char ch = (char)c;

	ll_buf_add(b, &ch, 1);
}

static int
dump_cb(const char *p, size_t n, void *arg)
{
	ll_buf_add(arg, p, n);
	return 0;
}

/* Appends compact JSON text; object keys keep their order. */
void
ll_buf_json(struct ll_buf *b, const json_t *j)
{
	if (json_dump_callback(j, dump_cb, b, JSON_COMPACT |
	    JSON_ENCODE_ANY) == -1)
		errx(LL_EXIT_IO, "cannot serialise a record");
}

void
ll_buf_free(struct ll_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}
