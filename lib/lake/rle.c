/*
 * A bit-packed run's length is only known when it ends, so its one
 * header byte is patched then; a run holds at most 63 groups of eight,
 * which keeps that header to one byte, as parquet-mr's writer does.
 */
#include <stdint.h>
#include <string.h>

#include "json/jbuf.h"
#include "lake/rle.h"

static void
varint(struct ll_jbuf *b, uint64_t v)
{
	while (v >= 0x80) {
		ll_jbuf_addc(b, (char)(v | 0x80));
		v >>= 7;
	}
	ll_jbuf_addc(b, (char)v);
}

void
ll_rle_init(struct ll_rle *r, struct ll_jbuf *out, int bw)
{
	memset(r, 0, sizeof(*r));
	r->out = out;
	r->bw = bw;
	r->hdr = SIZE_MAX;
}

/* Patches the header of the bit-packed run in progress, if any. */
static void
end_packed(struct ll_rle *r)
{
	if (r->hdr == SIZE_MAX)
		return;
	r->out->p[r->hdr] = (char)(r->groups << 1 | 1);
	r->hdr = SIZE_MAX;
	r->groups = 0;
}

/* Eight buffered values, bw bits each, least significant bit first. */
static void
put_packed(struct ll_rle *r)
{
	unsigned char tmp[32];
	uint64_t acc;
	size_t n;
	int i, bits;

	if (r->groups == 63)
		end_packed(r);
	if (r->hdr == SIZE_MAX) {
		r->hdr = r->out->len;
		ll_jbuf_addc(r->out, 0);
	}
	acc = 0;
	bits = 0;
	n = 0;
	for (i = 0; i < 8; i++) {
		acc |= (uint64_t)r->buf[i] << bits;
		for (bits += r->bw; bits >= 8; bits -= 8) {
			tmp[n++] = (unsigned char)acc;
			acc >>= 8;
		}
	}
	ll_jbuf_add(r->out, tmp, n);
	r->groups++;
	r->nbuf = 0;
	r->rep = 0;
}

static void
put_run(struct ll_rle *r)
{
	int i;

	end_packed(r);
	varint(r->out, (uint64_t)r->rep << 1);
	for (i = 0; i < (r->bw + 7) / 8; i++)
		ll_jbuf_addc(r->out, (char)(r->prev >> 8 * i));
	r->rep = 0;
	r->nbuf = 0;
}

/*
 * Values go to groups of eight; a value repeated eight times from the
 * start of a group becomes a run, however long it goes on.
 */
void
ll_rle_put(struct ll_rle *r, uint32_t v)
{
	if (v == r->prev) {
		if (++r->rep >= 8)
			return;
	} else {
		if (r->rep >= 8)
			put_run(r);
		r->rep = 1;
		r->prev = v;
	}
	r->buf[r->nbuf++] = v;
	if (r->nbuf == 8)
		put_packed(r);
}

/* Readers stop at the page's value count, so padding is harmless. */
void
ll_rle_finish(struct ll_rle *r)
{
	if (r->rep >= 8)
		put_run(r);
	else if (r->nbuf > 0) {
		while (r->nbuf < 8)
			r->buf[r->nbuf++] = 0;
		put_packed(r);
	}
	end_packed(r);
}

