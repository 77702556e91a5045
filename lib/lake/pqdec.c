/*
 * Parquet's value encodings, decoded (Encodings.md).  Bit-packing is
 * least significant bit first, in the hybrid and in delta miniblocks
 * alike.  Lengths and counts come from the file, so each is checked
 * against the bytes that are really there before it is used.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lake/pqdec.h"

static int
uvarint(const unsigned char **pp, const unsigned char *end, uint64_t *v)
{
	const unsigned char *p = *pp;
	int shift;

	*v = 0;
	for (shift = 0; shift < 64 && p < end; shift += 7) {
		*v |= (uint64_t)(*p & 0x7f) << shift;
		if ((*p++ & 0x80) == 0) {
			*pp = p;
			return 0;
		}
	}
	return -1;
}

/*
 * WIDTH (0 to 64) bits at bit offset BIT of the N bytes at P, in *V;
 * -1 if they are not all there.
 */
int
ll_pqdec_bits(const unsigned char *p, size_t n, uint64_t bit, int width,
    uint64_t *v)
{
	uint64_t w, byte;
	int got, sh;

	*v = 0;
	if (width == 0)
		return 0;
	byte = bit >> 3;
	sh = (int)(bit & 7);
	if (byte > n || (uint64_t)(width + sh + 7) / 8 > n - byte)
		return -1;
	if (width <= 56 && n - byte >= 8) {
		memcpy(&w, p + byte, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		w = __builtin_bswap64(w);
#endif
		w >>= sh;
		*v = width == 64 ? w : w & ((UINT64_C(1) << width) - 1);
		return 0;
	}
	w = 0;
	for (got = -sh; got < width; got += 8, byte++) {
		if (got < 0)
			w |= (uint64_t)p[byte] >> -got;
		else
			w |= (uint64_t)p[byte] << got;
	}
	*v = width == 64 ? w : w & ((UINT64_C(1) << width) - 1);
	return 0;
}

void
ll_pqdec_rle_init(struct ll_pqdec_rle *d, const void *p, size_t n, int bw)
{
	memset(d, 0, sizeof(*d));
	d->p = p;
	d->end = d->p + n;
	d->bw = bw;
	d->err = bw < 0 || bw > 32;
}

/* Reads the next run's header; 0 when there is none. */
static int
next_run(struct ll_pqdec_rle *d)
{
	uint64_t h, avail;
	int i, nb;

	if (d->p == d->end)
		return 0;
	if (uvarint(&d->p, d->end, &h) == -1) {
		d->err = 1;
		return 0;
	}
	if ((h & 1) == 0) {
		nb = (d->bw + 7) / 8;
		if (d->end - d->p < nb) {
			d->err = 1;
			return 0;
		}
		d->val = 0;
		for (i = 0; i < nb; i++)
			d->val |= (uint32_t)*d->p++ << 8 * i;
		if (d->bw < 32 && d->val >> d->bw != 0) {
			d->err = 1;
			return 0;
		}
		d->run = h >> 1;
		return 1;
	}
	/* A last run cut short holds the values its bytes hold. */
	d->packed = (h >> 1) * 8;
	avail = d->bw == 0 ? d->packed :
	    (uint64_t)(d->end - d->p) * 8 / (uint64_t)d->bw;
	if (d->packed > avail)
		d->packed = avail;
	d->bp = d->p;
	d->bit = 0;
	if (d->bw > 0 && (h >> 1) * (uint64_t)d->bw <=
	    (uint64_t)(d->end - d->p))
		d->p += (h >> 1) * (uint64_t)d->bw;
	else if (d->bw > 0)
		d->p = d->end;
	return 1;
}

/* Up to N values into OUT; fewer at the end of the data or on error. */
size_t
ll_pqdec_rle_get(struct ll_pqdec_rle *d, uint32_t *out, size_t n)
{
	uint64_t v;
	size_t got = 0, k;

	while (got < n && !d->err) {
		if (d->run > 0) {
			k = d->run < n - got ? (size_t)d->run : n - got;
			d->run -= k;
			while (k-- > 0)
				out[got++] = d->val;
		} else if (d->packed > 0) {
			k = d->packed < n - got ? (size_t)d->packed : n - got;
			d->packed -= k;
			for (; k > 0; k--, d->bit += (uint64_t)d->bw) {
				if (ll_pqdec_bits(d->bp, (size_t)(d->end - d->bp),
				    d->bit, d->bw, &v) == -1) {
					d->err = 1;
					break;
				}
				out[got++] = (uint32_t)v;
			}
		} else if (!next_run(d))
			break;
	}
	return got;
}

int
ll_pqdec_delta_init(struct ll_pqdec_delta *d, const void *p, size_t n,
    int is32)
{
	uint64_t first;

	memset(d, 0, sizeof(*d));
	d->p = p;
	d->end = d->p + n;
	d->is32 = is32;
	if (uvarint(&d->p, d->end, &d->per_block) == -1 ||
	    uvarint(&d->p, d->end, &d->nmini) == -1 ||
	    uvarint(&d->p, d->end, &d->left) == -1 ||
	    uvarint(&d->p, d->end, &first) == -1) {
		d->err = "truncated DELTA_BINARY_PACKED header";
		return -1;
	}
	if (d->per_block == 0 || d->per_block % 128 != 0 ||
	    d->per_block > (1 << 24) || d->nmini == 0 ||
	    d->per_block % d->nmini != 0 ||
	    (d->per_block / d->nmini) % 32 != 0) {
		d->err = "bad DELTA_BINARY_PACKED block sizes";
		return -1;
	}
	d->per_mini = d->per_block / d->nmini;
	d->last = (first >> 1) ^ -(first & 1);
	d->mini = d->nmini;
	return 0;
}

static int
next_mini(struct ll_pqdec_delta *d)
{
	uint64_t md, bytes;

	if (d->mini + 1 >= d->nmini || d->widths == NULL) {
		if (uvarint(&d->p, d->end, &md) == -1 ||
		    (uint64_t)(d->end - d->p) < d->nmini) {
			d->err = "truncated DELTA_BINARY_PACKED block";
			return -1;
		}
		d->mindelta = (md >> 1) ^ -(md & 1);
		d->widths = d->p;
		d->p += d->nmini;
		d->mini = 0;
	} else
		d->mini++;
	d->mbw = d->widths[d->mini];
	if (d->mbw > 64) {
		d->err = "DELTA_BINARY_PACKED bit width over 64";
		return -1;
	}
	bytes = d->per_mini * (uint64_t)d->mbw / 8;
	if (bytes > (uint64_t)(d->end - d->p)) {
		d->err = "truncated DELTA_BINARY_PACKED miniblock";
		return -1;
	}
	d->mp = d->p;
	d->p += bytes;
	d->in_mini = 0;
	return 0;
}

/* The next value in *V: 1, or 0 after the last, or -1 on error. */
int
ll_pqdec_delta_get(struct ll_pqdec_delta *d, int64_t *v)
{
	uint64_t x;

	if (d->err != NULL)
		return -1;
	if (d->left == 0)
		return 0;
	if (d->started) {
		if ((d->widths == NULL || d->in_mini == d->per_mini) &&
		    next_mini(d) == -1)
			return -1;
		if (ll_pqdec_bits(d->mp, (size_t)(d->p - d->mp), d->in_mini *
		    (uint64_t)d->mbw, d->mbw, &x) == -1) {
			d->err = "truncated DELTA_BINARY_PACKED miniblock";
			return -1;
		}
		d->in_mini++;
		d->last += d->mindelta + x;
	}
	d->started = 1;
	d->left--;
	if (d->is32)
		d->last = (uint64_t)(int64_t)(int32_t)(uint32_t)d->last;
	*v = (int64_t)d->last;
	return 1;
}

/*
 * Reads to the end of the values; returns where the encoded data
 * ends (what follows it, as in DELTA_LENGTH_BYTE_ARRAY), or NULL.
 */
const unsigned char *
ll_pqdec_delta_skip(struct ll_pqdec_delta *d)
{
	int64_t v;
	int r;

	while ((r = ll_pqdec_delta_get(d, &v)) == 1)
		;
	return r == 0 ? d->p : NULL;
}

/*
 * Snappy's block format: the uncompressed length as a varint, then
 * literals and back-references.  Returns 0 if the N bytes at IN decode
 * to exactly OUTN bytes.
 */
int
ll_pqdec_snappy(const void *in, size_t n, void *out, size_t outn)
{
	const unsigned char *p = in, *end = p + n;
	unsigned char *o = out;
	uint64_t len, off, want;
	size_t pos = 0, i;
	unsigned tag;
	int k;

	if (uvarint(&p, end, &want) == -1 || want != outn)
		return -1;
	while (p < end) {
		tag = *p++;
		switch (tag & 3) {
		case 0:
			len = (tag >> 2) + 1;
			if (len > 60) {
				k = (int)len - 60;
				if (end - p < k)
					return -1;
				for (len = 0, i = 0; i < (size_t)k; i++)
					len |= (uint64_t)*p++ << 8 * i;
				len++;
			}
			if (len > (uint64_t)(end - p) || len > outn - pos)
				return -1;
			memcpy(o + pos, p, (size_t)len);
			p += len;
			pos += (size_t)len;
			continue;
		case 1:
			if (p == end)
				return -1;
			len = ((tag >> 2) & 7) + 4;
			off = (uint64_t)(tag >> 5) << 8 | *p++;
			break;
		case 2:
			if (end - p < 2)
				return -1;
			len = (tag >> 2) + 1;
			off = (uint64_t)p[0] | (uint64_t)p[1] << 8;
			p += 2;
			break;
		default:
			if (end - p < 4)
				return -1;
			len = (tag >> 2) + 1;
			off = (uint64_t)p[0] | (uint64_t)p[1] << 8 |
			    (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
			p += 4;
			break;
		}
		if (off == 0 || off > pos || len > outn - pos)
			return -1;
		for (i = 0; i < len; i++, pos++)
			o[pos] = o[pos - off];
	}
	return pos == outn ? 0 : -1;
}
