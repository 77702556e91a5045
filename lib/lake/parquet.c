/*
 * Parquet: "PAR1", the row groups, each one column chunk per column (a
 * dictionary page if any, then data pages), the FileMetaData in Thrift
 * compact, its length in four little-endian bytes, "PAR1".  Every
 * column is OPTIONAL, so a data page (version 1 pages) starts with its
 * definition levels (1 present, 0 null) in the RLE/bit-packed hybrid
 * of width 1 behind a 4-byte length, then the present values.  The
 * whole page is compressed, gzip or ZSTD (opts.codec, see pqzip.c).
 *
 * Values take the encoding that makes them smallest compressed: a
 * string column's dictionary indices (RLE_DICTIONARY, in the same
 * hybrid behind a byte giving their width; the dictionary page PLAIN),
 * or once the dictionary stops paying DELTA_LENGTH_BYTE_ARRAY, which
 * puts the lengths apart from the bytes, so that random ids (a third of
 * CloudTrail's bytes) are not interleaved with their lengths; integers
 * and instants DELTA_BINARY_PACKED, differences to the one before,
 * bit-packed, which for times in order takes a few bits a value;
 * booleans PLAIN bits.  These are the encodings of Parquet 2.x, read by
 * Spark 3.3 and later, Trino, Athena engine 3, DuckDB and parquet-mr.
 *
 * Compression, a third of the work or more, runs in a thread of each
 * writer: the pages of each column come back in the order they went,
 * and a row group is written only when all of its pages have.  When the
 * caller has to wait for pages (a row group or the file ending, or too
 * many bytes in flight), it compresses queued pages itself rather than
 * sleep, so both cores work; dictionary pages and the trial compression
 * that chooses a string column's encoding go through the queue too.
 * Compressors of one level give the same bytes whoever runs them, so
 * the file is the same as without the thread.  Sorted rows are held,
 * a row group's worth in one batch while a second thread sorts, encodes
 * and writes the batch before (see hand_over): the caller, reading and
 * flattening, no longer waits for the encoder.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "json/jbuf.h"
#include "lake/parquet.h"
#include "lake/pqzip.h"
#include "lake/rle.h"
#include "lake/tcompact.h"
#include "xalloc.h"

/* The numbers of parquet.thrift's enums. */
enum { T_BOOLEAN = 0, T_INT64 = 2, T_BYTE_ARRAY = 6 };
enum { E_PLAIN = 0, E_RLE = 3, E_DELTA_BINARY_PACKED = 5,
    E_DELTA_LENGTH_BYTE_ARRAY = 6, E_RLE_DICTIONARY = 8 };
enum { P_DATA = 0, P_DICTIONARY = 2 };
#define CONV_UTF8	0
#define CONV_TIMESTAMP_MILLIS	9
#define REP_OPTIONAL	1

/* DELTA_BINARY_PACKED blocks: 128 values, four miniblocks of 32. */
#define DELTA_BLOCK	128
#define DELTA_MINI	4

#define STATS_MAX	256	/* a longer min or max is not recorded */
#define STATS_HELD	(64 << 10)	/* see stat_str */
#define PENDING_MAX	(8 << 20)	/* page bytes waiting for the thread */
#define SPARES		16		/* finished jobs kept for reuse */
#define SPARE_MAX	(4 << 20)	/* of a page kept for reuse */
#define TRIAL_MAX	(8 << 20)	/* a larger page is not tried */
#define TAKE_MIN	(1 << 20)	/* a larger page moves, see take_vals */
#define HDR_MAX		64		/* room for a page header */
#define MAX_PROBES	64	/* a longer hash chain: plain encoding */

/* A dictionary: its page (PLAIN entries) and a hash table over it. */
struct dict {
	struct ll_jbuf	 page;
	uint32_t	*off, *hash, *slot;	/* slot: entry + 1, 0 free */
	size_t		 n, cap, nslot;
};

/* What the footer says of one column chunk. */
struct chunkmeta {
	int64_t		 dict_off, data_off, comp, uncomp, values, nulls;
	unsigned	 encs;		/* 1 << encoding, for each used */
	char		*min, *max;	/* PLAIN, or NULL: not recorded */
	size_t		 nmin, nmax;
};

struct rowgroup {
	struct chunkmeta *cm;
	int64_t		 rows, off, comp, uncomp;
};

/* A page to compress: its body, then its header and compressed body. */
struct job {
	struct job	*next;		/* in the thread's queue */
	struct job	*cnext;		/* in its column's list, or free */
	struct ll_jbuf	 in, out;
	size_t		 n;		/* values */
	size_t		 hlen;		/* of the header in out */
	int		 type, enc, done;
};

struct col {
	char		*name;
	enum ll_parquet_type	 type;
	int		 plain;		/* dictionary given up for the file */
	int		 dlba;		/* plain strings: 1 DELTA_LENGTH, -1 not,
					   0 not known yet */
	int64_t		 setrow;	/* the last row given a value */
	/* The page being filled. */
	struct ll_rle	 lv;
	struct ll_jbuf	 levels, vals;
	uint32_t	*idx;
	size_t		 nidx, idxcap, pvalues;
	int		 nbits;		/* booleans in vals' last byte */
	/* The chunk being filled. */
	struct job	*jhead, *jtail;	/* its pages being compressed */
	struct job	 dj;		/* its dictionary page, queued */
	struct ll_jbuf	 chunk, min, max;
	struct dict	 d;
	struct chunkmeta cm;
	int		 minmax;	/* min and max hold values; -1: given up */
	int64_t		 imin, imax;
};

/* Rows held back to be sorted, as held (see hold). */
struct batch {
	struct ll_jbuf	 arena;
	uint32_t	*keys;
	struct ll_jbuf	 skeys;		/* the rows' sort keys, see put_key */
	size_t		*skoff;		/* row R's at skoff[R] to skoff[R + 1] */
	size_t		 nheld, heldcap;
	size_t		 heldbytes;	/* their bytes, as held counts them */
};

struct ll_pq {
	FILE		*fp;
	struct ll_parquet_opts opts;
	struct col	*cols;
	size_t		 ncols;
	uint64_t	 off;		/* bytes written */
	size_t		 held;		/* of the row group, uncompressed */
	int64_t		 rows, rgrows;
	struct rowgroup	*rg;
	size_t		 nrg;
	struct ll_pqzip	 z, zdict;	/* the thread's, the caller's */
	/*
	 * Rows held to be sorted: fb is filled by the caller while rb, the
	 * row group before, is sorted, encoded and written by the row
	 * group thread (the same batch when there is none).
	 */
	struct batch	 bat[2], *fb, *rb;
	uint64_t	 nrows;		/* rows ended by the caller */
	uint64_t	 synced;	/* off when the thread last stopped */
	size_t		 inflight;	/* held bytes of the thread's batch */
	pthread_t	 rgthr;
	pthread_cond_t	 rgcv;
	int		 rgthreaded, rgwork, rgstop;
	int		 handed;	/* the caller's view of rgwork */
	/* A page's values for delta_page. */
	int64_t		*tmp;
	size_t		 ntmp;
	struct ll_jbuf	 ztmp;		/* its trial compressions */
	struct job	 trial;		/* the one the thread makes */
	int		 err;
	/* The compression thread, and what it shares under mu. */
	pthread_t	 thr;
	pthread_mutex_t	 mu;
	pthread_cond_t	 more, done;
	struct job	*qhead, *qtail, *spare;
	size_t		 pending;	/* page bytes not yet collected */
	size_t		 nspare;
	int		 threaded, stop;
};

static void
put_u32(struct ll_jbuf *b, uint32_t v)
{
	unsigned char p[4];

	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
	ll_jbuf_add(b, p, 4);
}

static void
put_u64(struct ll_jbuf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static uint32_t
get_u32(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get_u64(const char *s)
{
	return (uint64_t)get_u32(s) | (uint64_t)get_u32(s + 4) << 32;
}

static void
uleb(struct ll_jbuf *b, uint64_t v)
{
	char c;

	do {
		c = (char)(v & 0x7f);
		v >>= 7;
		ll_jbuf_addc(b, (char)(c | (v != 0 ? 0x80 : 0)));
	} while (v != 0);
}

/* Bits needed for V, 0 for 0. */
static int
width64(uint64_t v)
{
	int w;

	for (w = 0; v != 0; w++)
		v >>= 1;
	return w;
}

/* N values of W bits each, least significant bit first. */
static void
bitpack(struct ll_jbuf *b, const uint64_t *v, size_t n, int w)
{
	uint64_t acc = 0, x;
	size_t i;
	int bits = 0, left, take;

	for (i = 0; i < n; i++) {
		/* At most 32 bits at a time: acc never holds over 39. */
		for (x = v[i], left = w; left > 0; left -= take, x >>= take) {
			take = left < 32 ? left : 32;
			acc |= (x & ((UINT64_C(1) << take) - 1)) << bits;
			bits += take;
			while (bits >= 8) {
				ll_jbuf_addc(b, (char)(acc & 0xff));
				acc >>= 8;
				bits -= 8;
			}
		}
	}
	if (bits > 0)
		ll_jbuf_addc(b, (char)(acc & 0xff));
}

/*
 * DELTA_BINARY_PACKED: a header (block size, miniblocks, count, first
 * value), then per block the smallest difference and, per miniblock,
 * its bit width and each difference less the smallest, bit-packed.
 * Differences wrap as 64-bit integers do.  A partial miniblock is
 * padded to its full size; the widths of miniblocks past the last
 * value are 0 and take no bytes.
 */
static void
delta_encode(struct ll_jbuf *b, const int64_t *v, size_t n)
{
	uint64_t d[DELTA_BLOCK], min;
	size_t i, j, k, m, per = DELTA_BLOCK / DELTA_MINI, nd;
	int w;

	uleb(b, DELTA_BLOCK);
	uleb(b, DELTA_MINI);
	uleb(b, n);
	uleb(b, n > 0 ? (uint64_t)v[0] << 1 ^ (uint64_t)(v[0] >> 63) : 0);
	for (i = 1; i < n; i += nd) {
		nd = n - i < DELTA_BLOCK ? n - i : DELTA_BLOCK;
		for (j = 0; j < nd; j++)
			d[j] = (uint64_t)v[i + j] - (uint64_t)v[i + j - 1];
		min = d[0];
		for (j = 1; j < nd; j++)
			if ((int64_t)d[j] < (int64_t)min)
				min = d[j];
		for (j = 0; j < nd; j++)
			d[j] -= min;
		for (j = nd; j < DELTA_BLOCK; j++)
			d[j] = 0;
		uleb(b, min << 1 ^ (uint64_t)((int64_t)min >> 63));
		for (m = 0; m < DELTA_MINI; m++) {
			w = 0;
			for (k = m * per; k < (m + 1) * per && k < nd; k++)
				if (width64(d[k]) > w)
					w = width64(d[k]);
			ll_jbuf_addc(b, (char)(m * per < nd ? w : 0));
		}
		for (m = 0; m * per < nd; m++) {
			w = 0;
			for (k = m * per; k < (m + 1) * per; k++)
				if (width64(d[k]) > w)
					w = width64(d[k]);
			bitpack(b, d + m * per, per, w);
		}
	}
}

static int
bitwidth(size_t n)
{
	int bw;

	for (bw = 1; bw < 32 && (n - 1) >> bw != 0; bw++)
		;
	return bw;
}

static uint32_t
hash(const char *s, size_t n)
{
	uint64_t h, w;

	h = 0x9e3779b97f4a7c15ULL ^ n;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	if (n > 0)
		memcpy(&w, s, n);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return (uint32_t)(h ^ h >> 29);
}

static void
dict_rehash(struct dict *d)
{
	size_t i, j;

	d->nslot = d->nslot == 0 ? 1024 : d->nslot * 2;
	free(d->slot);
	d->slot = xcalloc(d->nslot, sizeof(*d->slot));
	for (i = 0; i < d->n; i++) {
		for (j = d->hash[i] & (d->nslot - 1); d->slot[j] != 0;
		    j = (j + 1) & (d->nslot - 1))
			;
		d->slot[j] = (uint32_t)i + 1;
	}
}

/*
 * The index of S in the dictionary, added if new.  -1 when it would
 * not fit in LIMIT bytes or the table degenerates: then the column
 * goes plain.
 */
static int64_t
dict_index(struct dict *d, const char *s, size_t n, size_t limit,
    int *added)
{
	const char *e;
	uint32_t h;
	size_t i, probes;

	if ((d->n + 1) * 2 > d->nslot)
		dict_rehash(d);
	h = hash(s, n);
	probes = 0;
	for (i = h & (d->nslot - 1); d->slot[i] != 0;
	    i = (i + 1) & (d->nslot - 1)) {
		e = d->page.p + d->off[d->slot[i] - 1];
		if (d->hash[d->slot[i] - 1] == h && get_u32(e) == n &&
		    (n == 0 || memcmp(e + 4, s, n) == 0))
			return d->slot[i] - 1;
		if (++probes > MAX_PROBES)
			return -1;
	}
	if (d->page.len + 4 + n > limit)
		return -1;
	if (d->n == d->cap) {
		d->cap = d->cap == 0 ? 1024 : d->cap * 2;
		d->off = xreallocarray(d->off, d->cap, sizeof(*d->off));
		d->hash = xreallocarray(d->hash, d->cap, sizeof(*d->hash));
	}
	d->off[d->n] = (uint32_t)d->page.len;
	d->hash[d->n] = h;
	d->slot[i] = (uint32_t)++d->n;
	put_u32(&d->page, (uint32_t)n);
	ll_jbuf_add(&d->page, s, n);
	*added = 1;
	return (int64_t)d->n - 1;
}

static void
dict_clear(struct dict *d)
{
	d->page.len = 0;
	d->n = 0;
	if (d->nslot > 0)
		memset(d->slot, 0, d->nslot * sizeof(*d->slot));
}

static void
out(struct ll_pq *w, const void *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, w->fp) != n && w->err == 0)
		w->err = errno != 0 ? errno : EIO;
	w->off += n;
}

/*
 * The room page J's header and compressed body may need, made before
 * the job goes to the thread: it allocates nothing, so its memory does
 * not end up in an arena of its own.
 */
static void
make_room(struct ll_pq *w, struct job *j)
{
	j->out.len = 0;
	ll_jbuf_grow(&j->out, ll_pqzip_bound(w->opts.codec, j->in.len) +
	    HDR_MAX);
}

/* Compresses page J->in into J->out: its header, then the page. */
static void
page_out(struct ll_pqzip *z, struct job *j)
{
	struct ll_tc t;
	size_t bound, hlen, zn;
	char hdr[HDR_MAX];

	bound = ll_pqzip_bound(z->codec, j->in.len);
	if (j->out.size < bound + HDR_MAX)
		abort();	/* make_room was not called */
	j->out.len = 0;
	zn = ll_pqzip_compress(z, j->in.p, j->in.len, j->out.p + sizeof(hdr),
	    bound);
	ll_tcompact_init(&t, &j->out);
	ll_tcompact_i32(&t, 1, j->type);
	ll_tcompact_i32(&t, 2, (int32_t)j->in.len);
	ll_tcompact_i32(&t, 3, (int32_t)zn);
	ll_tcompact_begin(&t, j->type == P_DATA ? 5 : 7);
	ll_tcompact_i32(&t, 1, (int32_t)j->n);
	ll_tcompact_i32(&t, 2, j->enc);
	if (j->type == P_DATA) {
		ll_tcompact_i32(&t, 3, E_RLE);
		ll_tcompact_i32(&t, 4, E_RLE);
	}
	ll_tcompact_end(&t);
	ll_tcompact_end(&t);
	/* The header went after the room left for it: move it in front. */
	hlen = j->out.len;
	if (hlen > sizeof(hdr))
		abort();	/* a page header is at most ~40 bytes */
	memcpy(hdr, j->out.p, hlen);
	memmove(j->out.p + hlen, j->out.p + sizeof(hdr), zn);
	memcpy(j->out.p, hdr, hlen);
	j->out.len = hlen + zn;
	j->hlen = hlen;
}

static void *
worker(void *arg)
{
	struct ll_pq *w = arg;
	struct job *j;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->qhead == NULL && !w->stop)
			pthread_cond_wait(&w->more, &w->mu);
		if ((j = w->qhead) == NULL)
			break;
		if ((w->qhead = j->next) == NULL)
			w->qtail = NULL;
		pthread_mutex_unlock(&w->mu);
		page_out(&w->z, j);
		pthread_mutex_lock(&w->mu);
		j->done = 1;
		pthread_cond_broadcast(&w->done);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/*
 * With w->mu held: compresses the first queued page here, with the
 * caller's compressor, rather than wait for the thread; returns 0 if
 * there was none.
 */
static int
help(struct ll_pq *w)
{
	struct job *j;

	if (!w->threaded || (j = w->qhead) == NULL)
		return 0;
	if ((w->qhead = j->next) == NULL)
		w->qtail = NULL;
	pthread_mutex_unlock(&w->mu);
	page_out(&w->zdict, j);
	pthread_mutex_lock(&w->mu);
	j->done = 1;
	return 1;
}

/* With w->mu held: waits for job J, helping meanwhile. */
static void
await(struct ll_pq *w, struct job *j)
{
	while (!j->done)
		if (!help(w))
			pthread_cond_wait(&w->done, &w->mu);
}

/* Queues job J (made room for) for the thread, or does it now. */
static void
enqueue(struct ll_pq *w, struct job *j)
{
	pthread_mutex_lock(&w->mu);
	j->done = 0;
	j->next = NULL;
	if (!w->threaded) {
		page_out(&w->z, j);
		j->done = 1;
	} else {
		if (w->qtail != NULL)
			w->qtail->next = j;
		else
			w->qhead = j;
		w->qtail = j;
		pthread_cond_signal(&w->more);
	}
	pthread_mutex_unlock(&w->mu);
}

/* Counts a compressed page in its column chunk's sizes. */
static void
account(struct col *c, const struct job *j)
{
	c->cm.comp += (int64_t)j->out.len;
	c->cm.uncomp += (int64_t)(j->hlen + j->in.len);
	c->cm.encs |= 1U << j->enc | 1U << E_RLE;
}

static void
free_jobs(struct job *j)
{
	struct job *next;

	for (; j != NULL; j = next) {
		next = j->cnext;
		ll_jbuf_free(&j->in);
		ll_jbuf_free(&j->out);
		free(j);
	}
}

/* With w->mu held: moves C's compressed pages, in order, to its chunk. */
static void
reap(struct ll_pq *w, struct col *c)
{
	struct job *j;

	while ((j = c->jhead) != NULL && j->done) {
		if ((c->jhead = j->cnext) == NULL)
			c->jtail = NULL;
		account(c, j);
		w->pending -= j->in.len;
		/* A large page's body goes before its chunk grows. */
		if (j->in.size > SPARE_MAX)
			ll_jbuf_free(&j->in);
		ll_jbuf_add(&c->chunk, j->out.p, j->out.len);
		if (w->nspare < SPARES && j->in.size <= SPARE_MAX &&
		    j->out.size <= 2 * SPARE_MAX) {
			j->cnext = w->spare;
			w->spare = j;
			w->nspare++;
		} else {
			j->cnext = NULL;
			free_jobs(j);
		}
	}
}

static struct job *
new_job(struct ll_pq *w)
{
	struct job *j;

	pthread_mutex_lock(&w->mu);
	if ((j = w->spare) != NULL) {
		w->spare = j->cnext;
		w->nspare--;
	}
	pthread_mutex_unlock(&w->mu);
	if (j == NULL)
		j = xcalloc(1, sizeof(*j));
	j->next = j->cnext = NULL;
	j->in.len = j->out.len = 0;
	j->done = 0;
	return j;
}

/*
 * Hands a page of column C to the thread (or compresses it here, if
 * there is none), collecting what is done; waits when too many bytes
 * are in flight, so memory stays bounded.
 */
static void
submit(struct ll_pq *w, struct col *c, struct job *j)
{
	size_t i;

	w->pending += j->in.len;
	make_room(w, j);
	if (c->jtail != NULL)
		c->jtail->cnext = j;
	else
		c->jhead = j;
	c->jtail = j;
	pthread_mutex_lock(&w->mu);
	if (!w->threaded) {
		page_out(&w->z, j);
		j->done = 1;
	} else {
		if (w->qtail != NULL)
			w->qtail->next = j;
		else
			w->qhead = j;
		w->qtail = j;
		pthread_cond_signal(&w->more);
	}
	for (;;) {
		for (i = 0; i < w->ncols; i++)
			reap(w, &w->cols[i]);
		if (w->pending <= PENDING_MAX)
			break;
		if (!help(w))
			pthread_cond_wait(&w->done, &w->mu);
	}
	pthread_mutex_unlock(&w->mu);
}

/* Waits for all of C's pages. */
static void
collect(struct ll_pq *w, struct col *c)
{
	pthread_mutex_lock(&w->mu);
	for (reap(w, c); c->jhead != NULL; reap(w, c))
		if (!help(w))
			pthread_cond_wait(&w->done, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

/* B's bytes from START compressed: their size (the caller's compressor). */
static size_t
zsize(struct ll_pq *w, const struct ll_jbuf *b, size_t start)
{
	size_t n = b->len - start;

	ll_jbuf_grow(&w->ztmp, ll_pqzip_bound(w->opts.codec, n));
	return ll_pqzip_compress(&w->zdict, b->p + start, n, w->ztmp.p,
	    w->ztmp.size);
}

/*
 * Appends the page's PLAIN values to OUT (its levels so far).  A large
 * page's buffer changes hands instead, the levels moved in front, so
 * that a value of hundreds of megabytes is not held twice; the column
 * gets OUT's old buffer.
 */
static void
take_vals(struct col *c, struct ll_jbuf *out)
{
	struct ll_jbuf t;

	if (c->vals.len < TAKE_MIN) {
		ll_jbuf_add(out, c->vals.p, c->vals.len);
		return;
	}
	ll_jbuf_grow(&c->vals, out->len);
	memmove(c->vals.p + out->len, c->vals.p, c->vals.len);
	if (out->len > 0)
		memcpy(c->vals.p, out->p, out->len);
	c->vals.len += out->len;
	t = *out;
	*out = c->vals;
	c->vals = t;
	c->vals.len = 0;
}

/*
 * The page's values, buffered PLAIN, in their delta encoding where it
 * pays; returns the encoding.  Integers are DELTA_BINARY_PACKED.
 * Strings may be DELTA_LENGTH_BYTE_ARRAY, the lengths so, then the
 * bytes: less after gzip for ids, whose bytes are random, but more for
 * JSON text, whose values repeat and take their lengths along in one
 * match when PLAIN.  So the column's first such page is compressed
 * both ways, and the smaller way kept for the column in this file.
 */
static int
delta_page(struct ll_pq *w, struct col *c, struct ll_jbuf *out)
{
	const char *p, *end = c->vals.p + c->vals.len;
	size_t n, len, start = out->len, dl, pl;

	/* A page past TRIAL_MAX (a huge value) is PLAIN and decides nothing. */
	if (c->type == LL_PQ_STRING && (c->dlba < 0 ||
	    (c->dlba == 0 && c->vals.len > TRIAL_MAX))) {
		take_vals(c, out);
		return E_PLAIN;
	}
	for (n = 0, p = c->vals.p; p < end; n++) {
		if (n == w->ntmp) {
			w->ntmp = w->ntmp == 0 ? 1024 : w->ntmp * 2;
			w->tmp = xreallocarray(w->tmp, w->ntmp,
			    sizeof(*w->tmp));
		}
		if (c->type == LL_PQ_STRING) {
			len = get_u32(p);
			w->tmp[n] = (int64_t)len;
			p += 4 + len;
		} else {
			w->tmp[n] = (int64_t)get_u64(p);
			p += 8;
		}
	}
	delta_encode(out, w->tmp, n);
	if (c->type != LL_PQ_STRING)
		return E_DELTA_BINARY_PACKED;
	for (p = c->vals.p; p < end; p += 4 + len) {
		len = get_u32(p);
		ll_jbuf_add(out, p + 4, len);
	}
	if (c->dlba == 0) {
		/* The thread compresses one way while we do the other. */
		w->trial.in.len = 0;
		ll_jbuf_add(&w->trial.in, out->p + start, out->len - start);
		w->trial.type = P_DATA;
		make_room(w, &w->trial);
		enqueue(w, &w->trial);
		out->len = start;
		ll_jbuf_add(out, c->vals.p, c->vals.len);
		pl = zsize(w, out, start);
		pthread_mutex_lock(&w->mu);
		await(w, &w->trial);
		pthread_mutex_unlock(&w->mu);
		dl = w->trial.out.len - w->trial.hlen;
		c->dlba = dl < pl ? 1 : -1;
		if (c->dlba < 0)
			return E_PLAIN;
		out->len = start;
		return delta_page(w, c, out);
	}
	return E_DELTA_LENGTH_BYTE_ARRAY;
}

static void
flush_page(struct ll_pq *w, struct col *c)
{
	struct job *j;
	struct ll_rle r;
	size_t i, nvals = c->vals.len;

	if (c->pvalues == 0)
		return;
	ll_rle_finish(&c->lv);
	j = new_job(w);
	put_u32(&j->in, (uint32_t)c->levels.len);
	ll_jbuf_add(&j->in, c->levels.p, c->levels.len);
	j->type = P_DATA;
	j->enc = E_PLAIN;
	j->n = c->pvalues;
	if (c->nidx > 0) {
		j->enc = E_RLE_DICTIONARY;
		ll_jbuf_addc(&j->in, (char)bitwidth(c->d.n));
		ll_rle_init(&r, &j->in, bitwidth(c->d.n));
		for (i = 0; i < c->nidx; i++)
			ll_rle_put(&r, c->idx[i]);
		ll_rle_finish(&r);
	} else if (c->vals.len > 0 && c->type != LL_PQ_BOOLEAN)
		j->enc = delta_page(w, c, &j->in);
	else
		take_vals(c, &j->in);
	c->cm.values += (int64_t)c->pvalues;
	w->held += j->in.len - nvals - c->nidx * sizeof(*c->idx);
	submit(w, c, j);
	c->levels.len = 0;
	ll_rle_init(&c->lv, &c->levels, 1);
	c->vals.len = 0;
	c->nidx = 0;
	c->pvalues = 0;
	c->nbits = 0;
}

/*
 * After a full page: a dictionary holding more than half the values
 * seen saves nothing, and the column goes plain for the file.
 */
static void
check_page(struct ll_pq *w, struct col *c)
{
	if (c->pvalues < w->opts.page_rows && c->vals.len < w->opts.page)
		return;
	flush_page(w, c);
	if (!c->plain && c->d.n * 2 > (size_t)(c->cm.values - c->cm.nulls))
		c->plain = 1;
}

static void
present(struct ll_pq *w, struct col *c, int level)
{
	if (c->setrow == w->rows)
		abort();	/* one value per column and row */
	c->setrow = w->rows;
	ll_rle_put(&c->lv, (uint32_t)level);
	c->pvalues++;
	if (level == 0)
		c->cm.nulls++;
}

static int
bytecmp(const char *a, size_t an, const char *b, size_t bn)
{
	int r;

	r = an == 0 || bn == 0 ? 0 : memcmp(a, b, an < bn ? an : bn);
	if (r != 0)
		return r;
	return (an > bn) - (an < bn);
}

/*
 * Strings order as unsigned bytes, which is UTF-8's code point order.
 * A min or max longer than STATS_MAX is not recorded.  One that is far
 * longer, past STATS_HELD, ends the chunk's string statistics at once
 * (minmax -1): a 500 MB value would otherwise be copied twice more,
 * only for the copies to be dropped, while a shorter one may still
 * give way to a later value that can be recorded.
 */
static void
stat_str(struct col *c, const char *s, size_t n)
{
	int lo, hi;

	if (c->minmax < 0)
		return;
	lo = !c->minmax || bytecmp(s, n, c->min.p, c->min.len) < 0;
	hi = !c->minmax || bytecmp(s, n, c->max.p, c->max.len) > 0;
	if ((lo || hi) && n > STATS_HELD) {
		c->minmax = -1;
		ll_jbuf_free(&c->min);
		ll_jbuf_free(&c->max);
		return;
	}
	if (lo) {
		c->min.len = 0;
		ll_jbuf_add(&c->min, s, n);
	}
	if (hi) {
		c->max.len = 0;
		ll_jbuf_add(&c->max, s, n);
	}
	c->minmax = 1;
}

static void
enc_null(struct ll_pq *w, size_t i)
{
	struct col *c = &w->cols[i];

	present(w, c, 0);
	check_page(w, c);
}

/* Leaves the dictionary for good: its pages so far keep it. */
static void
go_plain(struct ll_pq *w, struct col *c)
{
	flush_page(w, c);
	c->plain = 1;
}

static void
enc_str(struct ll_pq *w, size_t i, const char *s, size_t n)
{
	struct col *c = &w->cols[i];
	int64_t k;
	int added;

	k = -1;
	added = 0;
	if (!c->plain &&
	    (k = dict_index(&c->d, s, n, w->opts.dict, &added)) == -1)
		go_plain(w, c);
	present(w, c, 1);
	if (k >= 0) {
		if (c->nidx == c->idxcap) {
			c->idxcap = c->idxcap == 0 ? 1024 : c->idxcap * 2;
			c->idx = xreallocarray(c->idx, c->idxcap,
			    sizeof(*c->idx));
		}
		c->idx[c->nidx++] = (uint32_t)k;
		w->held += sizeof(*c->idx) + (added ? n + 4 : 0);
		if (added)
			stat_str(c, s, n);
	} else {
		put_u32(&c->vals, (uint32_t)n);
		ll_jbuf_add(&c->vals, s, n);
		w->held += n + 4;
		stat_str(c, s, n);
	}
	check_page(w, c);
}

static void
enc_bool(struct ll_pq *w, size_t i, int v)
{
	struct col *c = &w->cols[i];

	present(w, c, 1);
	if (c->nbits == 0) {
		ll_jbuf_addc(&c->vals, 0);
		w->held++;
	}
	if (v)
		c->vals.p[c->vals.len - 1] |= (char)(1 << c->nbits);
	c->nbits = (c->nbits + 1) & 7;
	check_page(w, c);
}

static void
enc_int(struct ll_pq *w, size_t i, int64_t v)
{
	struct col *c = &w->cols[i];

	present(w, c, 1);
	put_u64(&c->vals, (uint64_t)v);
	w->held += 8;
	if (!c->minmax || v < c->imin)
		c->imin = v;
	if (!c->minmax || v > c->imax)
		c->imax = v;
	c->minmax = 1;
	check_page(w, c);
}

static char *
copy(const void *p, size_t n)
{
	char *s;

	s = xmalloc(n > 0 ? n : 1);
	if (n > 0)
		memcpy(s, p, n);
	return s;
}

/* The chunk's min and max, as the footer stores them. */
static void
chunk_stats(struct col *c, struct chunkmeta *cm)
{
	struct ll_jbuf b;

	if (c->minmax <= 0 || c->type == LL_PQ_BOOLEAN)
		return;
	if (c->type == LL_PQ_INT64 || c->type == LL_PQ_TIMESTAMP) {
		memset(&b, 0, sizeof(b));
		put_u64(&b, (uint64_t)c->imin);
		put_u64(&b, (uint64_t)c->imax);
		cm->min = copy(b.p, 8);
		cm->max = copy(b.p + 8, 8);
		cm->nmin = cm->nmax = 8;
		ll_jbuf_free(&b);
	} else if (c->min.len <= STATS_MAX && c->max.len <= STATS_MAX) {
		cm->min = copy(c->min.p, c->min.len);
		cm->max = copy(c->max.p, c->max.len);
		cm->nmin = c->min.len;
		cm->nmax = c->max.len;
	}
}

static void
write_chunk(struct ll_pq *w, struct col *c, struct chunkmeta *cm)
{
	flush_page(w, c);
	collect(w, c);
	c->cm.dict_off = -1;
	if (c->d.n > 0) {
		pthread_mutex_lock(&w->mu);
		await(w, &c->dj);
		pthread_mutex_unlock(&w->mu);
		account(c, &c->dj);
		c->cm.dict_off = (int64_t)w->off;
		out(w, c->dj.out.p, c->dj.out.len);
	}
	c->cm.data_off = (int64_t)w->off;
	out(w, c->chunk.p, c->chunk.len);
	*cm = c->cm;
	chunk_stats(c, cm);
	memset(&c->cm, 0, sizeof(c->cm));
	c->chunk.len = 0;
	c->minmax = 0;
	dict_clear(&c->d);
}

/*
 * Queues column C's dictionary page, if it has one.  The job borrows
 * the dictionary's bytes, which stay until write_chunk has waited.
 */
static void
queue_dict(struct ll_pq *w, struct col *c)
{
	struct job *j = &c->dj;

	if (c->d.n == 0)
		return;
	j->in = c->d.page;
	j->type = P_DICTIONARY;
	j->enc = E_PLAIN;
	j->n = c->d.n;
	make_room(w, j);
	enqueue(w, j);
}

static void
flush_rowgroup(struct ll_pq *w)
{
	struct rowgroup *rg;
	size_t i;

	if (w->rgrows == 0)
		return;
	w->rg = xreallocarray(w->rg, w->nrg + 1, sizeof(*w->rg));
	rg = &w->rg[w->nrg++];
	rg->cm = xcalloc(w->ncols, sizeof(*rg->cm));
	rg->rows = w->rgrows;
	rg->off = (int64_t)w->off;
	rg->comp = rg->uncomp = 0;
	/* Every column's last page and dictionary to the queue, then wait. */
	for (i = 0; i < w->ncols; i++) {
		flush_page(w, &w->cols[i]);
		queue_dict(w, &w->cols[i]);
	}
	for (i = 0; i < w->ncols; i++) {
		write_chunk(w, &w->cols[i], &rg->cm[i]);
		rg->comp += rg->cm[i].comp;
		rg->uncomp += rg->cm[i].uncomp;
	}
	w->rgrows = 0;
	w->held = 0;
}

/* Ends a row being encoded: columns given no value are null. */
static void
enc_row(struct ll_pq *w)
{
	size_t i;

	for (i = 0; i < w->ncols; i++)
		if (w->cols[i].setrow != w->rows)
			enc_null(w, i);
	w->rows++;
	w->rgrows++;
	if (w->held >= w->opts.rowgroup)
		flush_rowgroup(w);
}

/*
 * Rows held back to be sorted (opts.nsort > 0).  Each value but a null
 * goes into an arena as its column and a tag (varint and byte), then
 * its bytes (a string's behind a varint length), a row's after the row
 * before; per row, the offset of its first value and of each sort
 * column's.  Once a row group's bytes are held (counted as the encoder
 * counts them, so that row groups and files come out the sizes they
 * would unsorted), the rows are sorted, a merge sort on their numbers
 * (stable: rows of equal keys stay in the order they came, so the file
 * depends on the rows only), and encoded in that order.
 */
enum { V_NULL, V_FALSE, V_TRUE, V_INT, V_STR };

#define ARENA_MAX	((size_t)1 << 31)	/* offsets are 32-bit */

/* Makes room for row NHELD's keys: it starts at the arena's end. */
static void
start_row(struct ll_pq *w)
{
	struct batch *b = w->fb;
	uint32_t *k;
	size_t j, per = 1 + w->opts.nsort;

	if (b->nheld == b->heldcap) {
		b->heldcap = b->heldcap == 0 ? 4096 : b->heldcap * 2;
		b->keys = xreallocarray(b->keys, b->heldcap, per *
		    sizeof(*b->keys));
	}
	k = &b->keys[b->nheld * per];
	k[0] = (uint32_t)b->arena.len;
	for (j = 0; j < w->opts.nsort; j++)
		k[1 + j] = UINT32_MAX;
}

static void
hold(struct ll_pq *w, size_t i, int tag, const void *p, size_t n)
{
	uint32_t *k;
	size_t j, per = 1 + w->opts.nsort;

	k = &w->fb->keys[w->fb->nheld * per];
	for (j = 0; j < w->opts.nsort; j++)
		if (w->opts.sort[j] == i)
			k[1 + j] = (uint32_t)w->fb->arena.len;
	ll_jbuf_grow_huge(&w->fb->arena, n + 32);
	uleb(&w->fb->arena, i);
	ll_jbuf_addc(&w->fb->arena, (char)tag);
	if (tag == V_STR)
		uleb(&w->fb->arena, n);
	ll_jbuf_add(&w->fb->arena, p, n);
	w->fb->heldbytes += tag == V_STR ? n + 4 : tag == V_INT ? 8 : 1;
}

static uint64_t
get_uleb(const char **pp)
{
	const unsigned char *p = (const unsigned char *)*pp;
	uint64_t v = 0;
	int sh = 0;

	do
		v |= (uint64_t)(*p & 0x7f) << sh, sh += 7;
	while (*p++ & 0x80);
	*pp = (const char *)p;
	return v;
}

/*
 * The value at arena offset OFF: its column, tag, bytes and length;
 * *NEXT is the value after it.
 */
static int
held_value(const struct ll_pq *w, uint32_t off, size_t *col, const char **p,
    size_t *n, const char **next)
{
	const char *v = w->rb->arena.p + off;
	int tag;

	*col = (size_t)get_uleb(&v);
	tag = (unsigned char)*v++;
	*n = tag == V_INT ? 8 : tag == V_STR ? (size_t)get_uleb(&v) : 0;
	*p = v;
	*next = v + *n;
	return tag;
}

/*
 * The sort value at arena offset OFF, as held_value gives it; V_NULL
 * for UINT32_MAX, a row without one.
 */
static int
sort_value(const struct ll_pq *w, uint32_t off, const char **p, size_t *n)
{
	const char *next;
	size_t col;

	if (off == UINT32_MAX)
		return V_NULL;
	return held_value(w, off, &col, p, n, &next);
}

/*
 * A sort string longer than this is not copied into its row's key: the
 * row is compared value by value in the arena instead (arena_cmp), so
 * that a huge value is not held twice.
 */
#define KEY_STR_MAX	1024

/*
 * Appends to B one sort column's value at arena offset OFF (UINT32_MAX:
 * null) in a form whose bytes compare as the values do: the tag, then
 * an integer big-endian with its sign bit flipped, or a string with
 * each NUL as NUL 1 and a NUL NUL after it, so that a string sorts
 * before any longer one it begins.  Returns -1, having appended
 * nothing, for a string past KEY_STR_MAX.
 */
static int
put_key(const struct ll_pq *w, uint32_t off, struct ll_jbuf *b)
{
	const char *p, *nul;
	unsigned char be[8];
	size_t n;
	uint64_t v;
	int tag, k;

	tag = sort_value(w, off, &p, &n);
	if (tag == V_STR && n > KEY_STR_MAX)
		return -1;
	ll_jbuf_addc(b, (char)tag);
	if (tag == V_INT) {
		v = get_u64(p) ^ (uint64_t)1 << 63;
		for (k = 0; k < 8; k++)
			be[k] = (unsigned char)(v >> (56 - 8 * k));
		ll_jbuf_add(b, be, 8);
	} else if (tag == V_STR) {
		while ((nul = memchr(p, '\0', n)) != NULL) {
			ll_jbuf_add(b, p, (size_t)(nul - p) + 1);
			ll_jbuf_addc(b, 1);
			n -= (size_t)(nul - p) + 1;
			p = nul + 1;
		}
		ll_jbuf_add(b, p, n);
		ll_jbuf_add(b, "\0\0", 2);
	}
	return 0;
}

/*
 * The held rows' sort keys, each its sort columns' values one after
 * another, so that comparing two rows is one memcmp over a buffer a
 * fraction of the arena's size.  A row with a sort string too long to
 * copy gets an empty key (every other key has a tag per sort column).
 */
static void
make_keys(const struct ll_pq *w, struct batch *b)
{
	size_t r, j, per = 1 + w->opts.nsort;

	b->skeys.len = 0;
	b->skoff = xreallocarray(b->skoff, b->nheld + 1, sizeof(*b->skoff));
	for (r = 0; r < b->nheld; r++) {
		b->skoff[r] = b->skeys.len;
		for (j = 0; j < w->opts.nsort; j++)
			if (put_key(w, b->keys[r * per + 1 + j],
			    &b->skeys) == -1) {
				b->skeys.len = b->skoff[r];
				break;
			}
	}
	b->skoff[b->nheld] = b->skeys.len;
}

/* Rows X and Y compared in the arena, in the order of their keys. */
static int
arena_cmp(const struct ll_pq *w, uint32_t x, uint32_t y)
{
	size_t j, nx = 0, ny = 0, per = 1 + w->opts.nsort;
	const uint32_t *kx = &w->rb->keys[x * per + 1];
	const uint32_t *ky = &w->rb->keys[y * per + 1];
	const char *px = NULL, *py = NULL;
	int64_t ix, iy;
	int tx, ty, r;

	for (j = 0; j < w->opts.nsort; j++) {
		tx = sort_value(w, kx[j], &px, &nx);
		ty = sort_value(w, ky[j], &py, &ny);
		if (tx != ty)
			return tx < ty ? -1 : 1;
		if (tx == V_INT) {
			ix = (int64_t)get_u64(px);
			iy = (int64_t)get_u64(py);
			if (ix != iy)
				return ix < iy ? -1 : 1;
		} else if (tx == V_STR && (r = bytecmp(px, nx, py, ny)) != 0)
			return r;
	}
	return 0;
}

static int
row_cmp(const struct ll_pq *w, uint32_t x, uint32_t y)
{
	const struct batch *b = w->rb;
	size_t xn = b->skoff[x + 1] - b->skoff[x];
	size_t yn = b->skoff[y + 1] - b->skoff[y];

	if (xn == 0 || yn == 0)
		return arena_cmp(w, x, y);
	return bytecmp(b->skeys.p + b->skoff[x], xn, b->skeys.p +
	    b->skoff[y], yn);
}

static void
merge_sort(const struct ll_pq *w, uint32_t *v, uint32_t *tmp, size_t n)
{
	size_t h = n / 2, i, j, k;

	if (n < 2)
		return;
	merge_sort(w, v, tmp, h);
	merge_sort(w, v + h, tmp, n - h);
	for (i = 0, j = h, k = 0; i < h && j < n; )
		tmp[k++] = row_cmp(w, v[j], v[i]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

/* Sorts the rows held and encodes them, in order; the arena empties. */
static void
release(struct ll_pq *w)
{
	struct batch *b = w->rb;
	uint32_t *order, *tmp, r;
	const char *p, *end, *v;
	size_t i, n, col, per = 1 + w->opts.nsort;
	int tag;

	if (b->nheld == 0)
		return;
	order = xreallocarray(NULL, b->nheld, sizeof(*order));
	tmp = xreallocarray(NULL, b->nheld, sizeof(*tmp));
	for (i = 0; i < b->nheld; i++)
		order[i] = (uint32_t)i;
	make_keys(w, b);
	merge_sort(w, order, tmp, b->nheld);
	for (i = 0; i < b->nheld; i++) {
		r = order[i];
		p = b->arena.p + b->keys[r * per];
		end = r + 1 < b->nheld ? b->arena.p + b->keys[(r + 1) * per] :
		    b->arena.p + b->arena.len;
		while (p < end) {
			tag = held_value(w, (uint32_t)(p - b->arena.p), &col,
			    &v, &n, &p);
			if (tag == V_FALSE || tag == V_TRUE)
				enc_bool(w, col, tag == V_TRUE);
			else if (tag == V_INT)
				enc_int(w, col, (int64_t)get_u64(v));
			else
				enc_str(w, col, v, n);
		}
		enc_row(w);
	}
	free(order);
	free(tmp);
	b->nheld = 0;
	b->heldbytes = 0;
	b->arena.len = 0;
}

static int
sorting(const struct ll_pq *w)
{
	return w->opts.nsort > 0;
}

/* A null; held rows need not say so, what they do not hold is null. */
void
ll_parquet_null(struct ll_pq *w, size_t i)
{
	if (!sorting(w))
		enc_null(w, i);
}

/* -1 if the string is longer than a page may be. */
int
ll_parquet_str(struct ll_pq *w, size_t i, const char *s, size_t n)
{
	if (n > LL_PQ_MAXVALUE)
		return -1;
	if (sorting(w))
		hold(w, i, V_STR, s, n);
	else
		enc_str(w, i, s, n);
	return 0;
}

void
ll_parquet_bool(struct ll_pq *w, size_t i, int v)
{
	if (sorting(w))
		hold(w, i, v ? V_TRUE : V_FALSE, NULL, 0);
	else
		enc_bool(w, i, v);
}

/* An INT64 column's value, or a TIMESTAMP column's milliseconds. */
void
ll_parquet_int(struct ll_pq *w, size_t i, int64_t v)
{
	unsigned char b[8];
	int k;

	if (!sorting(w)) {
		enc_int(w, i, v);
		return;
	}
	for (k = 0; k < 8; k++)
		b[k] = (unsigned char)((uint64_t)v >> (8 * k));
	hold(w, i, V_INT, b, 8);
}

/* Waits for the row group thread to finish its batch. */
static void
rg_wait(struct ll_pq *w)
{
	if (!w->rgthreaded)
		return;
	pthread_mutex_lock(&w->mu);
	while (w->rgwork)
		pthread_cond_wait(&w->rgcv, &w->mu);
	pthread_mutex_unlock(&w->mu);
	w->synced = w->off;
	w->inflight = 0;
	w->handed = 0;
}

static void *
rg_worker(void *arg)
{
	struct ll_pq *w = arg;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->rgwork && !w->rgstop)
			pthread_cond_wait(&w->rgcv, &w->mu);
		if (!w->rgwork)
			break;
		pthread_mutex_unlock(&w->mu);
		release(w);
		flush_rowgroup(w);
		pthread_mutex_lock(&w->mu);
		w->rgwork = 0;
		pthread_cond_broadcast(&w->rgcv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/*
 * The rows held are a row group: sorted, encoded and written by the
 * thread while the caller holds the next rows in the other batch, or
 * here if there is no thread.
 */
static void
hand_over(struct ll_pq *w)
{
	struct batch *b;

	if (!w->rgthreaded) {
		release(w);
		flush_rowgroup(w);
		return;
	}
	rg_wait(w);
	b = w->rb;
	w->rb = w->fb;
	w->fb = b;
	w->inflight = w->rb->heldbytes;
	w->handed = 1;
	pthread_mutex_lock(&w->mu);
	w->rgwork = 1;
	pthread_cond_broadcast(&w->rgcv);
	pthread_mutex_unlock(&w->mu);
}

/*
 * Starts writing the rows held, in the thread, so that the row groups
 * of several files being closed are written at once; the file is the
 * same as if ll_parquet_close did it.
 */
void
ll_parquet_flush(struct ll_pq *w)
{
	if (w->rgthreaded && w->fb->nheld > 0)
		hand_over(w);
}

/*
 * Ends a row: columns given no value are null.  Sorted rows are a row
 * group each time the arena holds a row group's bytes.
 */
int
ll_parquet_row(struct ll_pq *w)
{
	if (!sorting(w))
		enc_row(w);
	else {
		w->fb->nheld++;
		if (w->fb->heldbytes >= w->opts.rowgroup ||
		    w->fb->arena.len >= ARENA_MAX - LL_PQ_MAXVALUE - 64)
			hand_over(w);
		start_row(w);
	}
	w->nrows++;
	/* The thread's errors are seen once it has stopped. */
	if (!w->handed && w->err != 0) {
		errno = w->err;
		return -1;
	}
	return 0;
}

/*
 * The file's size overestimated: the bytes written and those held (or
 * encoded, unsorted).  While the thread writes a row group, the bytes
 * it will have written are not known yet; a bound on them will do as
 * long as the total stays under ATLEAST, the size the caller acts on,
 * and otherwise the thread is waited for, so the answer compared with
 * ATLEAST is the same whatever the thread's progress.
 */
uint64_t
ll_parquet_size(struct ll_pq *w, uint64_t atleast)
{
	uint64_t bound;

	if (!sorting(w))
		return w->off + w->held;
	if (w->handed) {
		bound = w->synced + 2 * (uint64_t)w->inflight +
		    (uint64_t)w->ncols * (64 << 10) + (1 << 20) +
		    w->fb->heldbytes;
		if (bound < atleast)
			return bound;
		rg_wait(w);
	}
	return w->off + w->fb->heldbytes;
}

void
ll_parquet_defaults(struct ll_parquet_opts *o)
{
	memset(o, 0, sizeof(*o));	/* no sort columns, and what comes */
	o->rowgroup = 32 << 20;
	o->page = 1 << 20;
	o->page_rows = 20000;
	o->dict = 1 << 20;
	o->codec = LL_PQ_GZIP;
	o->level = 6;
	o->threads = 2;
}

struct ll_pq *
ll_parquet_open(FILE *fp, const struct ll_parquet_col *cols, size_t ncols,
    const struct ll_parquet_opts *opts)
{
	struct ll_pq *w;
	struct col *c;
	size_t i;

	w = xcalloc(1, sizeof(*w));
	w->fp = fp;
	w->opts = *opts;
	if (w->opts.dict > LL_PQ_MAXVALUE)
		w->opts.dict = LL_PQ_MAXVALUE;
	if (ll_pqzip_init(&w->z, opts->codec, opts->level) == -1 ||
	    ll_pqzip_init(&w->zdict, opts->codec, opts->level) == -1) {
		ll_pqzip_free(&w->z);
		free(w);
		return NULL;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->more, NULL);
	pthread_cond_init(&w->done, NULL);
	/* Without a thread, pages are compressed as they are made. */
	w->threaded = opts->threads > 1 &&
	    pthread_create(&w->thr, NULL, worker, w) == 0;
	w->fb = w->rb = &w->bat[0];
	pthread_cond_init(&w->rgcv, NULL);
	if (w->threaded && opts->nsort > 0) {
		w->rb = &w->bat[1];
		w->rgthreaded = pthread_create(&w->rgthr, NULL, rg_worker,
		    w) == 0;
		if (!w->rgthreaded)
			w->rb = w->fb;
	}
	w->ncols = ncols;
	w->cols = xcalloc(ncols, sizeof(*w->cols));
	for (i = 0; i < ncols; i++) {
		c = &w->cols[i];
		c->name = xstrdup(cols[i].name);
		c->type = cols[i].type;
		c->plain = c->type != LL_PQ_STRING;
		c->setrow = -1;
		ll_rle_init(&c->lv, &c->levels, 1);
	}
	if (sorting(w))
		start_row(w);
	out(w, "PAR1", 4);
	return w;
}

uint64_t
ll_parquet_rows(const struct ll_pq *w)
{
	return sorting(w) ? w->nrows : (uint64_t)w->rows;
}

static int
physical(enum ll_parquet_type type)
{
	switch (type) {
	case LL_PQ_STRING:
		return T_BYTE_ARRAY;
	case LL_PQ_BOOLEAN:
		return T_BOOLEAN;
	default:
		return T_INT64;
	}
}

static void
schema(struct ll_tc *t, const struct col *c)
{
	ll_tcompact_begin(t, 0);
	ll_tcompact_i32(t, 1, physical(c->type));
	ll_tcompact_i32(t, 3, REP_OPTIONAL);
	ll_tcompact_bin(t, 4, c->name, strlen(c->name));
	if (c->type == LL_PQ_STRING) {
		ll_tcompact_i32(t, 6, CONV_UTF8);
		ll_tcompact_begin(t, 10);
		ll_tcompact_begin(t, 1);	/* LogicalType STRING */
		ll_tcompact_end(t);
		ll_tcompact_end(t);
	} else if (c->type == LL_PQ_TIMESTAMP) {
		ll_tcompact_i32(t, 6, CONV_TIMESTAMP_MILLIS);
		ll_tcompact_begin(t, 10);
		ll_tcompact_begin(t, 8);	/* LogicalType TIMESTAMP */
		ll_tcompact_bool(t, 1, 1);	/* isAdjustedToUTC */
		ll_tcompact_begin(t, 2);	/* unit */
		ll_tcompact_begin(t, 1);	/* MILLIS */
		ll_tcompact_end(t);
		ll_tcompact_end(t);
		ll_tcompact_end(t);
		ll_tcompact_end(t);
	}
	ll_tcompact_end(t);
}

static void
statistics(struct ll_tc *t, const struct col *c, const struct chunkmeta *cm)
{
	ll_tcompact_begin(t, 12);
	/* Integers also get the old signed min and max, for old readers. */
	if (cm->min != NULL && physical(c->type) == T_INT64) {
		ll_tcompact_bin(t, 1, cm->max, cm->nmax);
		ll_tcompact_bin(t, 2, cm->min, cm->nmin);
	}
	ll_tcompact_i64(t, 3, cm->nulls);
	if (cm->min != NULL) {
		ll_tcompact_bin(t, 5, cm->max, cm->nmax);
		ll_tcompact_bin(t, 6, cm->min, cm->nmin);
	}
	ll_tcompact_end(t);
}

static void
column_chunk(struct ll_tc *t, const struct col *c, const struct chunkmeta *cm,
    int codec)
{
	int e, n;

	ll_tcompact_begin(t, 0);
	ll_tcompact_i64(t, 2, cm->dict_off >= 0 ? cm->dict_off : cm->data_off);
	ll_tcompact_begin(t, 3);
	ll_tcompact_i32(t, 1, physical(c->type));
	for (n = 0, e = 0; e < 32; e++)
		n += (cm->encs >> e & 1) != 0;
	ll_tcompact_list(t, 2, LL_TC_I32, (size_t)n);
	for (e = 0; e < 32; e++)
		if (cm->encs >> e & 1)
			ll_tcompact_elem_i32(t, e);
	ll_tcompact_list(t, 3, LL_TC_BINARY, 1);
	ll_tcompact_elem_bin(t, c->name, strlen(c->name));
	ll_tcompact_i32(t, 4, codec);
	ll_tcompact_i64(t, 5, cm->values);
	ll_tcompact_i64(t, 6, cm->uncomp);
	ll_tcompact_i64(t, 7, cm->comp);
	ll_tcompact_i64(t, 9, cm->data_off);
	if (cm->dict_off >= 0)
		ll_tcompact_i64(t, 11, cm->dict_off);
	statistics(t, c, cm);
	ll_tcompact_end(t);
	ll_tcompact_end(t);
}

static void
footer(struct ll_pq *w, struct ll_jbuf *b)
{
	static const char by[] = "log-lake version " LL_VERSION;
	struct ll_tc t;
	struct rowgroup *rg;
	size_t i, j;

	ll_tcompact_init(&t, b);
	ll_tcompact_i32(&t, 1, 1);
	ll_tcompact_list(&t, 2, LL_TC_STRUCT, w->ncols + 1);
	ll_tcompact_begin(&t, 0);
	ll_tcompact_bin(&t, 4, "schema", 6);
	ll_tcompact_i32(&t, 5, (int32_t)w->ncols);
	ll_tcompact_end(&t);
	for (i = 0; i < w->ncols; i++)
		schema(&t, &w->cols[i]);
	ll_tcompact_i64(&t, 3, w->rows);
	ll_tcompact_list(&t, 4, LL_TC_STRUCT, w->nrg);
	for (j = 0; j < w->nrg; j++) {
		rg = &w->rg[j];
		ll_tcompact_begin(&t, 0);
		ll_tcompact_list(&t, 1, LL_TC_STRUCT, w->ncols);
		for (i = 0; i < w->ncols; i++)
			column_chunk(&t, &w->cols[i], &rg->cm[i],
			    w->opts.codec);
		ll_tcompact_i64(&t, 2, rg->uncomp);
		ll_tcompact_i64(&t, 3, rg->rows);
		ll_tcompact_i64(&t, 5, rg->off);
		ll_tcompact_i64(&t, 6, rg->comp);
		if (j <= INT16_MAX)
			ll_tcompact_i16(&t, 7, (int16_t)j);
		ll_tcompact_end(&t);
	}
	ll_tcompact_bin(&t, 6, by, sizeof(by) - 1);
	/* Min and max are meaningful only with the columns' orders. */
	ll_tcompact_list(&t, 7, LL_TC_STRUCT, w->ncols);
	for (i = 0; i < w->ncols; i++) {
		ll_tcompact_begin(&t, 0);
		ll_tcompact_begin(&t, 1);	/* TYPE_ORDER */
		ll_tcompact_end(&t);
		ll_tcompact_end(&t);
	}
	ll_tcompact_end(&t);
}

/*
 * Writes what is buffered and the footer, then frees the writer;
 * *SIZE is the file's size.
 */
int
ll_parquet_close(struct ll_pq *w, uint64_t *size)
{
	struct ll_jbuf b;
	int err;

	if (sorting(w)) {
		rg_wait(w);
		w->rb = w->fb;
		release(w);
	}
	flush_rowgroup(w);
	memset(&b, 0, sizeof(b));
	footer(w, &b);
	put_u32(&b, (uint32_t)b.len);
	ll_jbuf_add(&b, "PAR1", 4);
	out(w, b.p, b.len);
	ll_jbuf_free(&b);
	err = w->err;
	*size = w->off;
	ll_parquet_free(w);
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

void
ll_parquet_free(struct ll_pq *w)
{
	struct col *c;
	size_t i, j;

	if (w == NULL)
		return;
	if (w->rgthreaded) {
		pthread_mutex_lock(&w->mu);
		while (w->rgwork)
			pthread_cond_wait(&w->rgcv, &w->mu);
		w->rgstop = 1;
		pthread_cond_broadcast(&w->rgcv);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->rgthr, NULL);
	}
	pthread_cond_destroy(&w->rgcv);
	if (w->threaded) {
		pthread_mutex_lock(&w->mu);
		w->stop = 1;
		pthread_cond_signal(&w->more);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->thr, NULL);
	}
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->more);
	pthread_cond_destroy(&w->done);
	free_jobs(w->spare);
	for (i = 0; i < w->ncols; i++) {
		c = &w->cols[i];
		free_jobs(c->jhead);
		free(c->name);
		ll_jbuf_free(&c->levels);
		ll_jbuf_free(&c->vals);
		ll_jbuf_free(&c->chunk);
		ll_jbuf_free(&c->min);
		ll_jbuf_free(&c->max);
		ll_jbuf_free(&c->d.page);
		ll_jbuf_free(&c->dj.out);
		free(c->idx);
		free(c->d.off);
		free(c->d.hash);
		free(c->d.slot);
	}
	for (j = 0; j < w->nrg; j++) {
		for (i = 0; i < w->ncols; i++) {
			free(w->rg[j].cm[i].min);
			free(w->rg[j].cm[i].max);
		}
		free(w->rg[j].cm);
	}
	free(w->rg);
	free(w->cols);
	ll_jbuf_free(&w->trial.in);
	ll_jbuf_free(&w->trial.out);
	free(w->tmp);
	ll_jbuf_free(&w->ztmp);
	for (i = 0; i < 2; i++) {
		ll_jbuf_free(&w->bat[i].arena);
		free(w->bat[i].keys);
		ll_jbuf_free(&w->bat[i].skeys);
		free(w->bat[i].skoff);
	}
	ll_pqzip_free(&w->z);
	ll_pqzip_free(&w->zdict);
	free(w);
}
