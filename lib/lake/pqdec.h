/*
 * Decoders for the value encodings of Parquet pages, for the reader
 * (pqread.c): the RLE/bit-packed hybrid of levels and dictionary
 * indices, DELTA_BINARY_PACKED integers, and Snappy blocks.  Each
 * works inside the bytes it is given and says when they are not what
 * they claim to be; none allocates.
 */
#ifndef LL_PQDEC_H
#define LL_PQDEC_H

#include <stddef.h>
#include <stdint.h>

/* The RLE/bit-packed hybrid, values of BW bits (0 to 32). */
struct ll_pqdec_rle {
	const unsigned char *p, *end;
	int		 bw;
	uint64_t	 run;		/* repeats of val left */
	uint32_t	 val;
	uint64_t	 packed;	/* bit-packed values left */
	const unsigned char *bp;	/* their bytes */
	uint64_t	 bit;		/* the next one's bit offset */
	int		 err;
};

void	ll_pqdec_rle_init(struct ll_pqdec_rle *, const void *, size_t, int);
size_t	ll_pqdec_rle_get(struct ll_pqdec_rle *, uint32_t *, size_t);

/* DELTA_BINARY_PACKED, 32- or 64-bit values. */
struct ll_pqdec_delta {
	const unsigned char *p, *end;
	uint64_t	 per_block, nmini, per_mini;
	uint64_t	 left;		/* values not yet returned */
	uint64_t	 last;
	int		 started;
	uint64_t	 mindelta;
	const unsigned char *widths;	/* of this block's miniblocks */
	uint64_t	 mini;		/* current miniblock, nmini: none */
	uint64_t	 in_mini;	/* values taken from it */
	const unsigned char *mp;	/* its bytes */
	int		 mbw;
	int		 is32;
	const char	*err;
};

int	ll_pqdec_delta_init(struct ll_pqdec_delta *, const void *, size_t, int);
int	ll_pqdec_delta_get(struct ll_pqdec_delta *, int64_t *);
const unsigned char *ll_pqdec_delta_skip(struct ll_pqdec_delta *);

int	ll_pqdec_bits(const unsigned char *, size_t, uint64_t, int, uint64_t *);
int	ll_pqdec_snappy(const void *, size_t, void *, size_t);

#endif
