/*
 * Fuzzes the ListObjectsV2 XML parser (lib/s3list.c) behind ll-list.
 * The first input byte sets a chunk size (1 to 256), the rest is the
 * document.  It is parsed twice, fed whole and fed in chunks of that
 * size: where the network splits a response must not change what is
 * parsed, so both runs must agree on the verdict, every object (key,
 * size, ETag, LastModified), every common prefix, the truncation flag,
 * the continuation token and an error's code and message.  Keys must
 * hold no NUL, as the header promises.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "aws/s3list.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
compare(const struct ll_s3list *a, const struct ll_s3list *b)
{
	const struct ll_s3obj *x, *y;
	const char *p, *q;
	size_t i, n, m;

	fuzz_check(ll_s3list_nobjects(a) == ll_s3list_nobjects(b),
	    "%zu objects, or %zu", ll_s3list_nobjects(a),
	    ll_s3list_nobjects(b));
	for (i = 0; i < ll_s3list_nobjects(a); i++) {
		x = ll_s3list_object(a, i);
		y = ll_s3list_object(b, i);
		fuzz_check(x->keylen == y->keylen &&
		    memcmp(x->key, y->key, x->keylen) == 0,
		    "object %zu: keys differ", i);
		fuzz_check(memchr(x->key, '\0', x->keylen) == NULL,
		    "object %zu: NUL in key", i);
		fuzz_check(x->size == y->size && same_str(x->etag, y->etag) &&
		    same_str(x->mtime, y->mtime),
		    "object %zu: size, ETag or LastModified differ", i);
	}
	fuzz_check(ll_s3list_nprefixes(a) == ll_s3list_nprefixes(b),
	    "prefix counts differ");
	for (i = 0; i < ll_s3list_nprefixes(a); i++) {
		p = ll_s3list_prefix(a, i, &n);
		q = ll_s3list_prefix(b, i, &m);
		fuzz_check(n == m && memcmp(p, q, n) == 0,
		    "prefix %zu differs", i);
	}
	fuzz_check(ll_s3list_truncated(a) == ll_s3list_truncated(b),
	    "truncated differs");
	fuzz_check(same_str(ll_s3list_token(a), ll_s3list_token(b)),
	    "continuation tokens differ");
	fuzz_check(same_str(ll_s3list_code(a), ll_s3list_code(b)) &&
	    same_str(ll_s3list_message(a), ll_s3list_message(b)),
	    "error code or message differ");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ll_s3list *a, *b;
	size_t chunk, off, n;
	int ra, rb = 0;

	if (size == 0)
		return 0;
	chunk = (size_t)data[0] + 1;
	data++;
	size--;

	a = ll_s3list_new();
	ra = ll_s3list_feed(a, data, size, 1);
	fuzz_check(ra == 0 || ll_s3list_error(a) != NULL,
	    "failed without an error message");

	b = ll_s3list_new();
	for (off = 0; rb == 0 && off < size; off += n) {
		n = size - off < chunk ? size - off : chunk;
		rb = ll_s3list_feed(b, data + off, n, 0);
	}
	if (rb == 0)
		rb = ll_s3list_feed(b, "", 0, 1);
	fuzz_check(ra == rb, "whole: %d (%s), in chunks of %zu: %d (%s)", ra,
	    ra ? ll_s3list_error(a) : "ok", chunk, rb,
	    rb ? ll_s3list_error(b) : "ok");
	if (ra == 0)
		compare(a, b);
	ll_s3list_free(a);
	ll_s3list_free(b);
	return 0;
}
