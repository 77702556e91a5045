/*
 * One column chunk of a Parquet file, read value by value: its pages
 * found by their headers, decompressed, and their levels and values
 * decoded a batch at a time.  The reader (pqread.c) hands it the
 * chunk's bytes; nothing here does I/O.  Internal to the reader.
 */
#ifndef LL_PQPAGE_H
#define LL_PQPAGE_H

#include <stddef.h>
#include <stdint.h>

#include "lake/pqdec.h"
#include "lake/pqread.h"

/* parquet.thrift's physical types. */
enum {
	LL_PQT_BOOLEAN = 0, LL_PQT_INT32 = 1, LL_PQT_INT64 = 2,
	LL_PQT_INT96 = 3, LL_PQT_FLOAT = 4, LL_PQT_DOUBLE = 5,
	LL_PQT_BYTE_ARRAY = 6, LL_PQT_FIXED = 7
};

#define LL_PQPAGE_BATCH	256

/* A leaf column, as the footer's schema describes it. */
struct ll_pqpage_schema {
	struct ll_pqcolinfo info;
	char		*name;
	int		 ptype;
	int		 optional;	/* the definition level is 0 or 1 */
	int		 typeorder;	/* min_value/max_value are usable */
};

struct libdeflate_decompressor;
struct ZSTD_DCtx_s;

struct ll_pqpage_col {
	const struct ll_pqpage_schema *sc;
	struct libdeflate_decompressor *z;
	struct ZSTD_DCtx_s *zd;
	int		 codec;
	/* The chunk's bytes, and where the next page header is. */
	const unsigned char *chunk;
	size_t		 pos, len;
	int64_t		 left;		/* values the chunk still holds */
	/* The current data page. */
	unsigned char	*page;
	size_t		 pagecap;
	int64_t		 pleft;		/* its levels not yet read */
	int		 enc;
	struct ll_pqdec_rle defs;
	uint32_t	 defbuf[LL_PQPAGE_BATCH];
	size_t		 ndef, idef;
	const unsigned char *vp, *vend;	/* its values */
	struct ll_pqdec_rle idx;
	uint32_t	 idxbuf[LL_PQPAGE_BATCH];
	size_t		 nidx, iidx;
	struct ll_pqdec_delta d1, d2;
	uint64_t	 bit;		/* PLAIN booleans */
	size_t		 bss_n, bss_i;	/* BYTE_STREAM_SPLIT */
	char		*cur, *prev;	/* DELTA_BYTE_ARRAY values */
	size_t		 curcap, prevcap, prevlen;
	/* The dictionary. */
	unsigned char	*dpage;
	size_t		 dpagecap;
	struct ll_pqval	*dict;
	size_t		 ndict, dictcap;
	uint32_t	 dgen;
	char		 err[160];
};

void	ll_pqpage_init(struct ll_pqpage_col *, const struct ll_pqpage_schema *,
	    struct libdeflate_decompressor *, struct ZSTD_DCtx_s *);
void	ll_pqpage_chunk(struct ll_pqpage_col *, const unsigned char *, size_t,
	    int, int64_t);
int	ll_pqpage_value(struct ll_pqpage_col *, struct ll_pqval *);
int	ll_pqpage_row(struct ll_pqpage_col *, size_t, struct ll_pqval *,
	    const size_t *);
int	ll_pqpage_skip(struct ll_pqpage_col *, int64_t);
void	ll_pqpage_free(struct ll_pqpage_col *);

#endif
