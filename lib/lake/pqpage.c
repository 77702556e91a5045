/*
 * Pages of a column chunk.  A chunk is page after page, each a Thrift
 * PageHeader then its body: a dictionary page (PLAIN values) before
 * the data pages that refer to it, data pages of format 1 (levels and
 * values compressed together, levels behind a 4-byte length) or 2
 * (levels first, never compressed, their lengths in the header).
 * Columns are flat, so there are no repetition levels, and the
 * definition level of an OPTIONAL column is 1 for a value, 0 for null.
 *
 * Encodings read: PLAIN; PLAIN_DICTIONARY and RLE_DICTIONARY;
 * RLE for booleans; DELTA_BINARY_PACKED for INT32 and INT64;
 * DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY for BYTE_ARRAY;
 * BYTE_STREAM_SPLIT for FLOAT, DOUBLE, INT32 and INT64.  Codecs:
 * UNCOMPRESSED, SNAPPY, GZIP and ZSTD.  Anything else is an error that
 * names it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>
#include <zstd.h>

#include "exit.h"
#include "lake/pqdec.h"
#include "lake/pqpage.h"
#include "lake/tcread.h"
#include "xalloc.h"

/* The fuzz build keeps pages small, so that it finds bugs, not limits. */
#ifdef LL_FUZZ
#define MAXPAGE		((size_t)1 << 24)
#else
#define MAXPAGE		((size_t)1 << 30)
#endif

enum {
	E_PLAIN = 0, E_PLAIN_DICT = 2, E_RLE = 3, E_BIT_PACKED = 4,
	E_DELTA = 5, E_DELTA_LEN = 6, E_DELTA_BA = 7, E_RLE_DICT = 8,
	E_BSS = 9
};
enum { P_DATA = 0, P_INDEX = 1, P_DICT = 2, P_DATA2 = 3 };
enum { C_NONE = 0, C_SNAPPY = 1, C_GZIP = 2, C_ZSTD = 6 };

/*
 * Dictionaries are numbered across all columns, cursors and threads,
 * so a caller may remember what it learnt of one by its number.
 */
static uint32_t dictionaries;

struct hdr {
	int		 type;
	int64_t		 usize, csize;
	int64_t		 nvalues;
	int		 enc, defenc;
	int64_t		 deflen, replen;
	int		 compressed;
	int		 has_sub;	/* the header for its type was there */
};

static const char *
encname(int e)
{
	static const char *names[] = { "PLAIN", "GROUP_VAR_INT",
	    "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED",
	    "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY",
	    "BYTE_STREAM_SPLIT" };

	return e >= 0 && e < 10 ? names[e] : "unknown";
}

static int LL_PRINTF(2, 3)
fail(struct ll_pqpage_col *c, const char *fmt, ...)
{
	va_list ap;

	if (c->err[0] == '\0') {
		va_start(ap, fmt);
		vsnprintf(c->err, sizeof(c->err), fmt, ap);
		va_end(ap);
	}
	return -1;
}

void
ll_pqpage_init(struct ll_pqpage_col *c, const struct ll_pqpage_schema *sc,
    struct libdeflate_decompressor *z, ZSTD_DCtx *zd)
{
	memset(c, 0, sizeof(*c));
	c->sc = sc;
	c->z = z;
	c->zd = zd;
}

/* Starts on a new chunk: LEN bytes at P holding NVALUES values. */
void
ll_pqpage_chunk(struct ll_pqpage_col *c, const unsigned char *p, size_t len,
    int codec, int64_t nvalues)
{
	c->chunk = p;
	c->pos = 0;
	c->len = len;
	c->codec = codec;
	c->left = nvalues;
	c->pleft = 0;
	c->ndict = 0;
	c->dgen = __atomic_add_fetch(&dictionaries, 1, __ATOMIC_RELAXED);
	c->err[0] = '\0';
}

static void
sub_header(struct ll_tcr *t, int type, struct hdr *h, int which)
{
	int id, ft;

	if (ll_tcread_begin(t, type) == -1)
		return;
	h->has_sub = 1;
	while (ll_tcread_field(t, &id, &ft)) {
		if (id == 1)
			h->nvalues = ll_tcread_int(t, ft);
		else if ((id == 2 && which != P_DATA2) ||
		    (id == 4 && which == P_DATA2))
			h->enc = (int)ll_tcread_int(t, ft);
		else if (id == 3 && which == P_DATA)
			h->defenc = (int)ll_tcread_int(t, ft);
		else if (id == 5 && which == P_DATA2)
			h->deflen = ll_tcread_int(t, ft);
		else if (id == 6 && which == P_DATA2)
			h->replen = ll_tcread_int(t, ft);
		else if (id == 7 && which == P_DATA2)
			h->compressed = ll_tcread_bool(t, ft);
		else
			ll_tcread_skip(t, ft);
	}
	ll_tcread_end(t);
}

/* Reads the PageHeader at the chunk's position; *HLEN is its size. */
static int
header(struct ll_pqpage_col *c, struct hdr *h, size_t *hlen)
{
	struct ll_tcr t;
	int id, ft;

	memset(h, 0, sizeof(*h));
	h->type = -1;
	h->enc = -1;
	h->defenc = E_RLE;
	h->compressed = 1;
	ll_tcread_init(&t, c->chunk + c->pos, c->len - c->pos);
	while (ll_tcread_field(&t, &id, &ft)) {
		switch (id) {
		case 1:
			h->type = (int)ll_tcread_int(&t, ft);
			break;
		case 2:
			h->usize = ll_tcread_int(&t, ft);
			break;
		case 3:
			h->csize = ll_tcread_int(&t, ft);
			break;
		case 5:
		case 7:
		case 8:
			sub_header(&t, ft, h, id == 5 ? P_DATA : id == 7 ?
			    P_DICT : P_DATA2);
			break;
		default:
			ll_tcread_skip(&t, ft);
		}
	}
	if (!ll_tcread_ok(&t))
		return fail(c, "page header at byte %zu of the chunk: %s",
		    c->pos, t.err);
	*hlen = ll_tcread_used(&t, c->chunk + c->pos);
	if (h->usize < 0 || h->csize < 0 || (uint64_t)h->csize >
	    c->len - c->pos - *hlen)
		return fail(c, "page at byte %zu of the chunk: sizes "
		    "outside the chunk", c->pos);
	return 0;
}

static int
inflate_gzip(struct ll_pqpage_col *c, const unsigned char *in, size_t n,
    unsigned char *out, size_t outn)
{
	size_t used, got;

	/* A gzip page is one member, or several back to back. */
	while (n > 0 || outn > 0) {
		if (libdeflate_gzip_decompress_ex(c->z, in, n, out, outn,
		    &used, &got) != LIBDEFLATE_SUCCESS)
			return -1;
		in += used;
		n -= used;
		out += got;
		outn -= got;
		if (used == 0 || (n > 0 && outn == 0))
			return -1;
	}
	return 0;
}

/*
 * A ZSTD page is one frame or several; the header's size is the whole
 * truth, so anything but exactly OUTN bytes out is damage.  The
 * output buffer is OUTN long, so a frame that says more fails here
 * rather than write past it.
 */
static int
unzstd(struct ll_pqpage_col *c, const unsigned char *in, size_t n,
    unsigned char *out, size_t outn)
{
	size_t got;

	got = ZSTD_decompressDCtx(c->zd, out, outn, in, n);
	return ZSTD_isError(got) || got != outn ? -1 : 0;
}

/* Decompresses N bytes at IN into exactly OUTN bytes at OUT. */
static int
decompress(struct ll_pqpage_col *c, const unsigned char *in, size_t n,
    unsigned char *out, size_t outn)
{
	switch (c->codec) {
	case C_NONE:
		if (n != outn)
			return fail(c, "uncompressed page of %zu bytes says "
			    "%zu", n, outn);
		if (n > 0)
			memcpy(out, in, n);
		return 0;
	case C_SNAPPY:
		if (outn > n * 64 + 64 || ll_pqdec_snappy(in, n, out, outn))
			return fail(c, "damaged Snappy page at byte %zu of the "
			    "chunk", c->pos);
		return 0;
	case C_GZIP:
		if (outn > n * 1032 + 1024 || inflate_gzip(c, in, n, out, outn))
			return fail(c, "damaged gzip page at byte %zu of the "
			    "chunk", c->pos);
		return 0;
	case C_ZSTD:
		if (unzstd(c, in, n, out, outn))
			return fail(c, "damaged ZSTD page at byte %zu of the "
			    "chunk", c->pos);
		return 0;
	default:
		return fail(c, "compression codec %d not supported", c->codec);
	}
}

/*
 * The body of the page whose header is H into *BUF (grown as needed):
 * its USIZE bytes, decompressed.  A format 2 page's levels come first
 * and were never compressed.
 */
static int
body(struct ll_pqpage_col *c, const struct hdr *h, const unsigned char *in,
    unsigned char **buf, size_t *cap)
{
	size_t us = (size_t)h->usize, cs = (size_t)h->csize, lv;

	if (us > MAXPAGE)
		return fail(c, "page of %zu bytes is over the limit of %zu",
		    us, MAXPAGE);
	if (*cap < us || *buf == NULL) {
		free(*buf);
		*cap = us > 64 ? us : 64;
		*buf = xmalloc(*cap);
	}
	if (h->type != P_DATA2)
		return decompress(c, in, cs, *buf, us);
	if (h->deflen < 0 || h->replen < 0 ||
	    (uint64_t)h->deflen + (uint64_t)h->replen > cs ||
	    (uint64_t)h->deflen + (uint64_t)h->replen > us)
		return fail(c, "page levels longer than the page");
	lv = (size_t)(h->deflen + h->replen);
	if (lv > 0)
		memcpy(*buf, in, lv);
	if (!h->compressed) {
		if (cs != us)
			return fail(c, "uncompressed page of %zu bytes says "
			    "%zu", cs, us);
		if (us > lv)
			memcpy(*buf + lv, in + lv, us - lv);
		return 0;
	}
	return decompress(c, in + lv, cs - lv, *buf + lv, us - lv);
}

static int
width(int ptype)
{
	return ptype == LL_PQT_INT32 || ptype == LL_PQT_FLOAT ? 4 :
	    ptype == LL_PQT_INT64 || ptype == LL_PQT_DOUBLE ? 8 : 0;
}

/* A fixed-width value from its little-endian bytes. */
static void
fixed(const struct ll_pqpage_schema *sc, const unsigned char *p,
    struct ll_pqval *v)
{
	uint64_t u = 0;
	uint32_t w;
	float f;
	int i, n = width(sc->ptype);

	for (i = 0; i < n; i++)
		u |= (uint64_t)p[i] << 8 * i;
	switch (sc->ptype) {
	case LL_PQT_INT32:
		v->i = sc->info.kind == LL_PQK_UINT ? (int64_t)(uint32_t)u :
		    (int64_t)(int32_t)(uint32_t)u;
		break;
	case LL_PQT_INT64:
		v->i = (int64_t)u;
		break;
	case LL_PQT_FLOAT:
		w = (uint32_t)u;
		memcpy(&f, &w, 4);
		v->d = f;
		break;
	case LL_PQT_DOUBLE:
		memcpy(&v->d, &u, 8);
		break;
	}
}

/* The next PLAIN value at *P (booleans: bit *BIT of P). */
static int
plain(struct ll_pqpage_col *c, const unsigned char **p,
    const unsigned char *end, uint64_t *bit, struct ll_pqval *v)
{
	uint32_t n;
	int w;

	if (c->sc->ptype == LL_PQT_BOOLEAN) {
		if (*bit / 8 >= (uint64_t)(end - *p))
			return fail(c, "values end early");
		v->i = (*p)[*bit / 8] >> (*bit % 8) & 1;
		++*bit;
		return 0;
	}
	if (c->sc->ptype == LL_PQT_BYTE_ARRAY) {
		if (end - *p < 4)
			return fail(c, "values end early");
		n = (uint32_t)(*p)[0] | (uint32_t)(*p)[1] << 8 |
		    (uint32_t)(*p)[2] << 16 | (uint32_t)(*p)[3] << 24;
		if (n > (size_t)(end - *p) - 4)
			return fail(c, "a value runs past its page");
		v->s = (const char *)*p + 4;
		v->n = n;
		*p += 4 + (size_t)n;
		return 0;
	}
	w = width(c->sc->ptype);
	if (end - *p < w)
		return fail(c, "values end early");
	fixed(c->sc, *p, v);
	*p += w;
	return 0;
}

static int
dictionary(struct ll_pqpage_col *c, const struct hdr *h,
    const unsigned char *in)
{
	const unsigned char *p, *end;
	uint64_t bit = 0, minbits;
	size_t i;

	if (!h->has_sub || h->nvalues < 0)
		return fail(c, "dictionary page without its header");
	if (h->enc != E_PLAIN && h->enc != E_PLAIN_DICT)
		return fail(c, "dictionary page in %s encoding",
		    encname(h->enc));
	if (body(c, h, in, &c->dpage, &c->dpagecap) == -1)
		return -1;
	minbits = c->sc->ptype == LL_PQT_BOOLEAN ? 1 :
	    c->sc->ptype == LL_PQT_BYTE_ARRAY ? 32 :
	    (uint64_t)width(c->sc->ptype) * 8;
	if (minbits == 0 || (uint64_t)h->nvalues > (uint64_t)h->usize * 8 /
	    minbits || h->nvalues > UINT32_MAX - 1)
		return fail(c, "dictionary of %jd values in %jd bytes",
		    (intmax_t)h->nvalues, (intmax_t)h->usize);
	if ((size_t)h->nvalues > c->dictcap) {
		free(c->dict);
		c->dictcap = (size_t)h->nvalues;
		c->dict = xreallocarray(NULL, c->dictcap, sizeof(*c->dict));
	}
	c->dgen = __atomic_add_fetch(&dictionaries, 1, __ATOMIC_RELAXED);
	p = c->dpage;
	end = p + h->usize;
	for (i = 0; i < (size_t)h->nvalues; i++) {
		memset(&c->dict[i], 0, sizeof(c->dict[i]));
		if (plain(c, &p, end, &bit, &c->dict[i]) == -1)
			return -1;
		c->dict[i].di = (uint32_t)i;
		c->dict[i].dgen = c->dgen;
	}
	c->ndict = (size_t)h->nvalues;
	return 0;
}

static uint32_t
u32le(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* Sets up the values of a data page at [vp, vend). */
static int
values(struct ll_pqpage_col *c)
{
	struct ll_pqdec_delta tmp;
	const unsigned char *q;
	int pt = c->sc->ptype;
	uint32_t n;

	c->bit = 0;
	switch (c->enc) {
	case E_PLAIN:
		return 0;
	case E_PLAIN_DICT:
	case E_RLE_DICT:
		if (c->vp == c->vend)
			return fail(c, "dictionary page without bit width");
		ll_pqdec_rle_init(&c->idx, c->vp + 1, (size_t)(c->vend - c->vp -
		    1), *c->vp);
		if (c->idx.err)
			return fail(c, "dictionary indices of %d bits", *c->vp);
		c->nidx = c->iidx = 0;
		return 0;
	case E_RLE:
		if (pt != LL_PQT_BOOLEAN)
			return fail(c, "RLE values that are not booleans");
		if (c->vend - c->vp < 4 ||
		    (n = u32le(c->vp)) > (size_t)(c->vend - c->vp) - 4)
			return fail(c, "RLE values longer than their page");
		ll_pqdec_rle_init(&c->idx, c->vp + 4, n, 1);
		c->nidx = c->iidx = 0;
		return 0;
	case E_DELTA:
		if (pt != LL_PQT_INT32 && pt != LL_PQT_INT64)
			break;
		if (ll_pqdec_delta_init(&c->d1, c->vp, (size_t)(c->vend -
		    c->vp), pt == LL_PQT_INT32) == -1)
			return fail(c, "%s", c->d1.err);
		return 0;
	case E_DELTA_LEN:
	case E_DELTA_BA:
		if (pt != LL_PQT_BYTE_ARRAY)
			break;
		if (ll_pqdec_delta_init(&c->d1, c->vp, (size_t)(c->vend -
		    c->vp), 1) == -1)
			return fail(c, "%s", c->d1.err);
		tmp = c->d1;
		if ((q = ll_pqdec_delta_skip(&tmp)) == NULL)
			return fail(c, "%s", tmp.err);
		c->vp = q;
		if (c->enc == E_DELTA_LEN)
			return 0;
		if (ll_pqdec_delta_init(&c->d2, c->vp, (size_t)(c->vend -
		    c->vp), 1) == -1)
			return fail(c, "%s", c->d2.err);
		tmp = c->d2;
		if ((q = ll_pqdec_delta_skip(&tmp)) == NULL)
			return fail(c, "%s", tmp.err);
		c->vp = q;
		c->prevlen = 0;
		return 0;
	case E_BSS:
		if (width(pt) == 0 || (c->vend - c->vp) % width(pt) != 0)
			break;
		c->bss_n = (size_t)(c->vend - c->vp) / (size_t)width(pt);
		c->bss_i = 0;
		return 0;
	}
	return fail(c, "%s encoding not supported for this column",
	    encname(c->enc));
}

/* Sets up the data page whose header is H and body IN. */
static int
data_page(struct ll_pqpage_col *c, const struct hdr *h,
    const unsigned char *in)
{
	const unsigned char *p;
	size_t n;
	uint32_t lv;

	if (!h->has_sub || h->nvalues < 0)
		return fail(c, "data page without its header");
	if (h->nvalues > c->left)
		return fail(c, "a page holds more values than its column "
		    "chunk");
	if (body(c, h, in, &c->page, &c->pagecap) == -1)
		return -1;
	p = c->page;
	n = (size_t)h->usize;
	c->enc = h->enc;
	if (h->type == P_DATA2) {
		if (h->replen != 0)
			return fail(c, "repetition levels in a flat column");
		if (c->sc->optional)
			ll_pqdec_rle_init(&c->defs, p, (size_t)h->deflen, 1);
		else if (h->deflen != 0)
			return fail(c, "definition levels in a required "
			    "column");
		p += h->deflen;
	} else if (c->sc->optional) {
		if (h->defenc != E_RLE)
			return fail(c, "definition levels in %s encoding",
			    encname(h->defenc));
		if (n < 4 || (lv = u32le(p)) > n - 4)
			return fail(c, "definition levels longer than their "
			    "page");
		ll_pqdec_rle_init(&c->defs, p + 4, lv, 1);
		p += 4 + (size_t)lv;
	}
	c->ndef = c->idef = 0;
	c->vp = p;
	c->vend = c->page + n;
	c->pleft = h->nvalues;
	return values(c);
}

/* Moves to the next data page, reading any dictionary page on the way. */
static int
next_page(struct ll_pqpage_col *c)
{
	struct hdr h;
	size_t hlen = 0;
	const unsigned char *in;
	int r;

	for (;;) {
		if (c->pos >= c->len)
			return fail(c, "column chunk ends before its values "
			    "do");
		if (header(c, &h, &hlen) == -1)
			return -1;
		in = c->chunk + c->pos + hlen;
		if (h.type == P_DICT)
			r = dictionary(c, &h, in);
		else if (h.type == P_DATA || h.type == P_DATA2)
			r = data_page(c, &h, in);
		else
			r = 0;		/* an index page: nothing for us */
		if (r == -1)
			return -1;
		c->pos += hlen + (size_t)h.csize;
		if ((h.type == P_DATA || h.type == P_DATA2) && c->pleft > 0)
			return 0;
	}
}

static int
dict_value(struct ll_pqpage_col *c, struct ll_pqval *v)
{
	size_t want;
	uint32_t k;

	if (c->iidx == c->nidx) {
		want = c->pleft + 1 < LL_PQPAGE_BATCH ? (size_t)c->pleft + 1 :
		    LL_PQPAGE_BATCH;
		c->nidx = ll_pqdec_rle_get(&c->idx, c->idxbuf, want);
		c->iidx = 0;
		if (c->nidx == 0)
			return fail(c, "values end early");
	}
	k = c->idxbuf[c->iidx++];
	if (c->enc == E_RLE) {
		v->i = k;
		return 0;
	}
	if (k >= c->ndict)
		return fail(c, "dictionary index %u of %zu", k, c->ndict);
	*v = c->dict[k];
	return 0;
}

static int
delta_array(struct ll_pqpage_col *c, struct ll_pqval *v)
{
	int64_t pre = 0, len;
	char *t;
	size_t need;

	if (c->enc == E_DELTA_BA && ll_pqdec_delta_get(&c->d1, &pre) != 1)
		return fail(c, "values end early");
	if (ll_pqdec_delta_get(c->enc == E_DELTA_BA ? &c->d2 : &c->d1,
	    &len) != 1)
		return fail(c, "values end early");
	if (len < 0 || len > c->vend - c->vp || pre < 0 ||
	    (uint64_t)pre > c->prevlen)
		return fail(c, "a value runs past its page");
	if (c->enc == E_DELTA_LEN) {
		v->s = (const char *)c->vp;
		v->n = (size_t)len;
		c->vp += len;
		return 0;
	}
	need = (size_t)pre + (size_t)len;
	if (need > c->curcap) {
		c->curcap = need * 2 > 64 ? need * 2 : 64;
		c->cur = xrealloc(c->cur, c->curcap);
	}
	if (pre > 0)
		memcpy(c->cur, c->prev, (size_t)pre);
	if (len > 0)
		memcpy(c->cur + pre, c->vp, (size_t)len);
	c->vp += len;
	/* The value stays valid until the next: swap the buffers. */
	t = c->prev;
	c->prev = c->cur;
	c->cur = t;
	need = c->prevcap;
	c->prevcap = c->curcap;
	c->curcap = need;
	c->prevlen = (size_t)pre + (size_t)len;
	v->s = c->prev;
	v->n = c->prevlen;
	return 0;
}

static int
present(struct ll_pqpage_col *c, struct ll_pqval *v)
{
	unsigned char tmp[8];
	int64_t x;
	int w, k;

	switch (c->enc) {
	case E_PLAIN:
		return plain(c, &c->vp, c->vend, &c->bit, v);
	case E_PLAIN_DICT:
	case E_RLE_DICT:
	case E_RLE:
		return dict_value(c, v);
	case E_DELTA:
		if (ll_pqdec_delta_get(&c->d1, &x) != 1)
			return fail(c, "%s", c->d1.err != NULL ? c->d1.err :
			    "values end early");
		v->i = c->sc->info.kind == LL_PQK_UINT &&
		    c->sc->ptype == LL_PQT_INT32 ? (int64_t)(uint32_t)x : x;
		return 0;
	case E_DELTA_LEN:
	case E_DELTA_BA:
		return delta_array(c, v);
	default:		/* E_BSS */
		if (c->bss_i == c->bss_n)
			return fail(c, "values end early");
		w = width(c->sc->ptype);
		for (k = 0; k < w; k++)
			tmp[k] = c->vp[(size_t)k * c->bss_n + c->bss_i];
		c->bss_i++;
		fixed(c->sc, tmp, v);
		return 0;
	}
}

/* The column's next value, the general way: new pages, new batches. */
static int
value_slow(struct ll_pqpage_col *c, struct ll_pqval *v)
{
	size_t want;

	if (c->err[0] != '\0')
		return -1;
	if (c->left <= 0)
		return fail(c, "column chunk holds fewer values than its row "
		    "group has rows");
	if (c->pleft == 0 && next_page(c) == -1)
		return -1;
	c->pleft--;
	c->left--;
	v->null = 0;
	v->di = UINT32_MAX;
	if (c->sc->optional) {
		if (c->idef == c->ndef) {
			want = c->pleft + 1 < LL_PQPAGE_BATCH ?
			    (size_t)c->pleft + 1 : LL_PQPAGE_BATCH;
			c->ndef = ll_pqdec_rle_get(&c->defs, c->defbuf, want);
			c->idef = 0;
			if (c->ndef == 0)
				return fail(c, "definition levels end early");
		}
		if (c->defbuf[c->idef] > 1)
			return fail(c, "definition level %u in a flat column",
			    c->defbuf[c->idef]);
		if (c->defbuf[c->idef++] == 0) {
			v->null = 1;
			return 0;
		}
	}
	return present(c, v);
}

/*
 * The usual case, kept short enough to inline: a page under way whose
 * next level, and next dictionary index or PLAIN string, are at hand.
 */
static inline int
value(struct ll_pqpage_col *c, struct ll_pqval *v)
{
	const unsigned char *p;
	uint32_t k, n;

	if (c->pleft == 0 || c->left <= 0 ||
	    (c->sc->optional && (c->idef == c->ndef || c->defbuf[c->idef] > 1)))
		return value_slow(c, v);
	if (c->sc->optional && c->defbuf[c->idef] == 0) {
		c->idef++;
		c->pleft--;
		c->left--;
		v->null = 1;
		v->di = UINT32_MAX;
		return 0;
	}
	if ((c->enc == E_RLE_DICT || c->enc == E_PLAIN_DICT) &&
	    c->iidx < c->nidx && (k = c->idxbuf[c->iidx]) < c->ndict) {
		c->iidx++;
		*v = c->dict[k];
	} else if (c->enc == E_PLAIN && c->sc->ptype == LL_PQT_BYTE_ARRAY &&
	    c->vend - c->vp >= 4 && (n = u32le(c->vp)) <=
	    (size_t)(c->vend - c->vp) - 4) {
		p = c->vp;
		c->vp += 4 + (size_t)n;
		v->null = 0;
		v->s = (const char *)p + 4;
		v->n = n;
		v->di = UINT32_MAX;
	} else
		return value_slow(c, v);
	c->idef += c->sc->optional;
	c->pleft--;
	c->left--;
	return 0;
}

/* The column's next value; -1 with c->err set if it cannot be read. */
int
ll_pqpage_value(struct ll_pqpage_col *c, struct ll_pqval *v)
{
	return value(c, v);
}

/*
 * The next value of each of N columns, column I's into VALS[SEL[I]];
 * the index of the column that failed, or -1.
 */
int
ll_pqpage_row(struct ll_pqpage_col *cols, size_t n, struct ll_pqval *vals,
    const size_t *sel)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (value(&cols[i], &vals[sel[i]]) == -1)
			return (int)i;
	return -1;
}

/*
 * Passes over N values: whole pages by their headers alone, the rest
 * of a page value by value.
 */
int
ll_pqpage_skip(struct ll_pqpage_col *c, int64_t n)
{
	struct ll_pqval v;
	struct hdr h;
	size_t hlen = 0;

	while (n > 0) {
		if (c->pleft == 0 && c->left > 0 && c->pos < c->len) {
			if (header(c, &h, &hlen) == -1)
				return -1;
			if (h.type == P_DICT) {
				if (dictionary(c, &h, c->chunk + c->pos +
				    hlen) == -1)
					return -1;
				c->pos += hlen + (size_t)h.csize;
				continue;
			}
			if (h.type != P_DATA && h.type != P_DATA2) {
				c->pos += hlen + (size_t)h.csize;
				continue;
			}
			if (h.has_sub && h.nvalues >= 0 && h.nvalues <= n &&
			    h.nvalues <= c->left) {
				c->pos += hlen + (size_t)h.csize;
				c->left -= h.nvalues;
				n -= h.nvalues;
				continue;
			}
		}
		if (value(c, &v) == -1)
			return -1;
		n--;
	}
	return 0;
}

void
ll_pqpage_free(struct ll_pqpage_col *c)
{
	free(c->page);
	free(c->dpage);
	free(c->dict);
	free(c->cur);
	free(c->prev);
	memset(c, 0, sizeof(*c));
}
