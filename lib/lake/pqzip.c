/*
 * Page compression for the Parquet writer, in the codec its options
 * name.  ZSTD is the one the query engines read at a fraction of
 * gzip's CPU; gzip stays for the readers that know nothing else.
 * Neither runs threads of its own: the writer does that.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>
#include <zstd.h>

#include "lake/parquet.h"
#include "lake/pqzip.h"

/*
 * The levels CODEC accepts, into *LO and *HI; -1 if CODEC is not one
 * the writer knows.  ZSTD's levels past 19 need far more memory for
 * little gain, so they are left out.
 */
int
ll_pqzip_levels(int codec, int *lo, int *hi)
{
	switch (codec) {
	case LL_PQ_GZIP:
		*lo = 1;
		*hi = 12;
		return 0;
	case LL_PQ_ZSTD:
		*lo = 1;
		*hi = 19;
		return 0;
	default:
		return -1;
	}
}

/* Makes Z a compressor of CODEC at LEVEL; -1 with errno on failure. */
int
ll_pqzip_init(struct ll_pqzip *z, int codec, int level)
{
	int lo, hi;

	memset(z, 0, sizeof(*z));
	if (ll_pqzip_levels(codec, &lo, &hi) == -1 || level < lo ||
	    level > hi) {
		errno = EINVAL;
		return -1;
	}
	z->codec = codec;
	z->level = level;
	if (codec == LL_PQ_GZIP)
		z->gz = libdeflate_alloc_compressor(level);
	else
		z->zs = ZSTD_createCCtx();
	if (z->gz == NULL && z->zs == NULL) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* The most bytes N bytes can take compressed by CODEC. */
size_t
ll_pqzip_bound(int codec, size_t n)
{
	if (codec == LL_PQ_ZSTD)
		return ZSTD_compressBound(n);
	return libdeflate_gzip_compress_bound(NULL, n);
}

/*
 * Compresses N bytes at IN into OUT, CAP bytes of room (at least
 * ll_pqzip_bound's); returns the compressed size.  With the bound,
 * failing is a bug, so it aborts.
 */
size_t
ll_pqzip_compress(struct ll_pqzip *z, const void *in, size_t n, void *out,
    size_t cap)
{
	size_t r;

	if (cap < ll_pqzip_bound(z->codec, n))
		abort();
	if (z->codec == LL_PQ_GZIP) {
		r = libdeflate_gzip_compress(z->gz, in, n, out, cap);
		if (r == 0)
			abort();
		return r;
	}
	r = ZSTD_compressCCtx(z->zs, out, cap, in, n, z->level);
	if (ZSTD_isError(r))
		abort();
	return r;
}

void
ll_pqzip_free(struct ll_pqzip *z)
{
	libdeflate_free_compressor(z->gz);
	ZSTD_freeCCtx(z->zs);
	memset(z, 0, sizeof(*z));
}
