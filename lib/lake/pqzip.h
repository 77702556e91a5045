/*
 * The compressors of Parquet pages: GZIP (libdeflate) or ZSTD
 * (libzstd), one codec and level each.  A compressor is used by one
 * thread at a time; two of one codec and level give the same bytes
 * for the same page, so a file does not depend on which ran.
 */
#ifndef LL_PQZIP_H
#define LL_PQZIP_H

#include <stddef.h>

struct libdeflate_compressor;
struct ZSTD_CCtx_s;

struct ll_pqzip {
	int		 codec;		/* LL_PQ_GZIP or LL_PQ_ZSTD */
	int		 level;
	struct libdeflate_compressor *gz;
	struct ZSTD_CCtx_s *zs;
};

int	ll_pqzip_levels(int, int *, int *);
int	ll_pqzip_init(struct ll_pqzip *, int, int);
size_t	ll_pqzip_bound(int, size_t);
size_t	ll_pqzip_compress(struct ll_pqzip *, const void *, size_t, void *,
	    size_t);
void	ll_pqzip_free(struct ll_pqzip *);

#endif
