/*
 * Parquet's RLE/bit-packed hybrid (Encodings.md, "RLE"), the encoding
 * of definition levels and dictionary indices: runs of a repeated
 * value as a count and the value, anything else bit-packed eight
 * values at a time, least significant bit first.  Values go in one at
 * a time; the writer never looks back more than eight.
 */
#ifndef LL_RLE_H
#define LL_RLE_H

#include <stddef.h>
#include <stdint.h>

#include "json/jbuf.h"

struct ll_rle {
	struct ll_jbuf	*out;
	uint32_t	 buf[8], prev;
	size_t		 rep;		/* prev seen this many times */
	size_t		 hdr;		/* open bit-packed run, or SIZE_MAX */
	int		 bw, nbuf, groups;
};

void	ll_rle_init(struct ll_rle *, struct ll_jbuf *, int);
void	ll_rle_put(struct ll_rle *, uint32_t);
void	ll_rle_finish(struct ll_rle *);

#endif
