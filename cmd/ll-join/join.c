/*
 * The join engine behind ll-join: a hash table of right records
 * grouped by key, and a grace hash join when the table outgrows its
 * memory budget.
 *
 * Spilling works in levels.  At the first, every right record, and
 * then every left record, goes to one of 64 files chosen by the low 6
 * bits of its key hash.  Each pair of files is then joined as if it
 * were the whole input; if its right file still does not fit, it is
 * split again on the next bits, as many as its size calls for.  A
 * partition whose records all share one key cannot be split, so it
 * is joined in memory over the budget, with a warning.
 *
 * Temporary files have no name: O_TMPFILE where the file system has
 * it, else unlinked right after mkstemp, so nothing is left behind
 * however the process ends.  Each joined
 * partition writes tagged rows to a file of its own and the files are
 * merged on the tag, which restores the order of the in-memory join.
 */
#define _GNU_SOURCE		/* O_TMPFILE */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
#include "io/out.h"
#include "join.h"
#include "json/json.h"
#include "ll.h"
#include "xalloc.h"

#define FANOUT_BITS	6
#define FANOUT		(1 << FANOUT_BITS)
#define ALLOC_COST	16	/* malloc's own bookkeeping per block */
#define TAG_ORPHAN	(UINT64_C(1) << 63)

/* A temporary file, already unlinked, with its stdio buffer. */
struct tmpf {
	FILE		*fp;
	char		*buf;
	uint64_t	 bytes;
};

/* The hash sits beside the pointer, so a probe touches one line. */
struct slot {
	uint64_t	 hash;
	struct ll_join_group *g;	/* NULL: free */
};

struct table {
	struct slot	*slot;		/* open addressing */
	size_t		 nslot;
	size_t		 nkeys;
	struct ll_join_group **list;	/* in order of creation */
	size_t		 n;
	size_t		 cap;
	size_t		 used;		/* bytes counted against budget */
};

struct ll_join {
	struct ll_join_ops ops;
	size_t		 budget;
	const char	*tmpdir;
	int		 orphans;
	size_t		 bufsize;
	struct table	 t;
	int		 spilled;
	struct tmpf	 right[FANOUT];
	struct tmpf	 left[FANOUT];
	struct tmpf	 side[2];	/* keyless rows, while spilled */
	struct tmpf	*out;		/* NULL: standard output */
	uint64_t	 tag;
	uintmax_t	 keys, unmatched, dups, over;
	uintmax_t	 spill_bytes, parts, depth;
	size_t		 peak;
};

/* FNV-1a, then MurmurHash3's finaliser so that every bit counts. */
static uint64_t
hash_key(const char *p, size_t n)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= UINT64_C(0x100000001b3);
	}
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/* Partitions take the low bits, level by level; slots the high ones. */
static size_t
part_of(uint64_t hash, unsigned shift, unsigned bits)
{
	return (size_t)(hash >> shift) & ((1U << bits) - 1);
}

static size_t
slot_of(uint64_t hash, size_t nslot)
{
	return (size_t)((hash * UINT64_C(0x9e3779b97f4a7c15)) >> 32) &
	    (nslot - 1);
}

static size_t
item_size(const struct ll_join_item *it)
{
	return sizeof(*it) + it->klen + it->slen + it->dlen + it->blen;
}

static const char *
item_dup(const struct ll_join_item *it)
{
	return ll_join_key(it) + it->klen + it->slen;
}

static void
header_of(struct ll_join_item *h, const struct ll_join_rec *r)
{
	if (r->klen > UINT32_MAX || r->slen > UINT32_MAX ||
	    r->dlen > UINT32_MAX)
		errx(LL_EXIT_IO, "join key over 4 GB");
	memset(h, 0, sizeof(*h));
	h->seq = r->seq;
	h->nokey = r->key == NULL;
	h->hash = h->nokey ? 0 : hash_key(r->key, r->klen);
	h->klen = h->nokey ? 0 : (uint32_t)r->klen;
	h->slen = (uint32_t)r->slen;
	h->dlen = (uint32_t)r->dlen;
	h->blen = r->blen;
}

/* memcpy that allows NULL with 0 bytes; returns the end. */
static char *
copy(char *dst, const char *src, size_t n)
{
	if (n > 0)
		memcpy(dst, src, n);
	return dst + n;
}

static struct ll_join_item *
item_new(const struct ll_join_item *h, const struct ll_join_rec *r)
{
	struct ll_join_item *it;
	char *p;

	it = xmalloc(item_size(h));
	*it = *h;
	p = (char *)(it + 1);
	p = copy(p, r->key, h->klen);
	p = copy(p, r->sort, h->slen);
	p = copy(p, r->dup, h->dlen);
	copy(p, r->body, h->blen);
	return it;
}

static void
account(struct ll_join *j, size_t add, size_t sub)
{
	j->t.used = j->t.used + add - sub;
	if (j->t.used > j->peak)
		j->peak = j->t.used;
}

static struct ll_join_group *
lookup(struct ll_join *j, uint64_t hash, const char *key, size_t klen)
{
	struct table *t = &j->t;
	struct ll_join_group *g;
	size_t i;

	if (t->nslot == 0)
		return NULL;
	for (i = slot_of(hash, t->nslot); (g = t->slot[i].g) != NULL;
	    i = (i + 1) & (t->nslot - 1))
		if (t->slot[i].hash == hash && g->klen == klen &&
		    memcmp(g->key, key, klen) == 0)
			return g;
	return NULL;
}

static void
rehash(struct ll_join *j)
{
	struct table *t = &j->t;
	struct slot *old = t->slot;
	size_t i, k, n = t->nslot;

	t->nslot = n > 0 ? n * 2 : 8;
	t->slot = xcalloc(t->nslot, sizeof(*t->slot));
	account(j, t->nslot * sizeof(*t->slot), n * sizeof(*t->slot));
	for (i = 0; i < n; i++) {
		if (old[i].g == NULL)
			continue;
		for (k = slot_of(old[i].hash, t->nslot); t->slot[k].g != NULL;
		    k = (k + 1) & (t->nslot - 1))
			;
		t->slot[k] = old[i];
	}
	free(old);
}

static void
group_push(struct ll_join *j, struct ll_join_group *g,
    struct ll_join_item *it)
{
	size_t old = g->cap;

	if (g->n == g->cap) {
		g->cap = old > 0 ? old * 2 : 2;
		g->item = xreallocarray(g->item, g->cap, sizeof(*g->item));
		account(j, g->cap * sizeof(*g->item), old * sizeof(*g->item));
	}
	g->item[g->n++] = it;
	account(j, item_size(it) + ALLOC_COST, 0);
}

/* Adds a right record to the table, which takes it over. */
static void
table_add(struct ll_join *j, struct ll_join_item *it)
{
	struct table *t = &j->t;
	struct ll_join_group *g;
	size_t i, old;

	g = it->nokey ? NULL : lookup(j, it->hash, ll_join_key(it),
	    it->klen);
	if (g != NULL) {
		group_push(j, g, it);
		return;
	}
	g = xcalloc(1, sizeof(*g) + it->klen);
	g->hash = it->hash;
	g->first = it->seq;
	g->klen = it->klen;
	copy(g->key, ll_join_key(it), it->klen);
	account(j, sizeof(*g) + it->klen + ALLOC_COST, 0);
	group_push(j, g, it);
	if (t->n == t->cap) {
		old = t->cap;
		t->cap = old > 0 ? old * 2 : 8;
		t->list = xreallocarray(t->list, t->cap, sizeof(*t->list));
		account(j, t->cap * sizeof(*t->list), old * sizeof(*t->list));
	}
	t->list[t->n++] = g;
	if (it->nokey)
		return;
	if ((t->nkeys + 1) * 2 > t->nslot)
		rehash(j);
	for (i = slot_of(g->hash, t->nslot); t->slot[i].g != NULL;
	    i = (i + 1) & (t->nslot - 1))
		;
	t->slot[i].hash = g->hash;
	t->slot[i].g = g;
	t->nkeys++;
}

static void
table_free(struct ll_join *j)
{
	struct table *t = &j->t;
	size_t i, k;

	for (i = 0; i < t->n; i++) {
		for (k = 0; k < t->list[i]->n; k++)
			free(t->list[i]->item[k]);
		free(t->list[i]->item);
		free(t->list[i]);
	}
	free(t->list);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

static int
bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	c = memcmp(a, b, an < bn ? an : bn);
	if (c != 0)
		return c;
	return an < bn ? -1 : an > bn;
}

static int
seq_cmp(const struct ll_join_item *a, const struct ll_join_item *b)
{
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
dup_cmp(const void *va, const void *vb)
{
	const struct ll_join_item *a = *(struct ll_join_item *const *)va;
	const struct ll_join_item *b = *(struct ll_join_item *const *)vb;
	int c;

	c = bytes_cmp(item_dup(a), a->dlen, item_dup(b), b->dlen);
	return c != 0 ? c : seq_cmp(a, b);
}

static int
sort_cmp(const void *va, const void *vb)
{
	const struct ll_join_item *a = *(struct ll_join_item *const *)va;
	const struct ll_join_item *b = *(struct ll_join_item *const *)vb;
	int c;

	c = bytes_cmp(ll_join_key(a) + a->klen, a->slen,
	    ll_join_key(b) + b->klen, b->slen);
	return c != 0 ? c : seq_cmp(a, b);
}

/* Drops records whose dedupe value an earlier record has. */
static void
dedupe(struct ll_join *j, struct ll_join_group *g)
{
	struct ll_join_item *it, *kept;
	size_t i, n;

	qsort(g->item, g->n, sizeof(*g->item), dup_cmp);
	kept = g->item[0];
	for (i = n = 1; i < g->n; i++) {
		it = g->item[i];
		if (it->dlen > 0 && bytes_cmp(item_dup(it), it->dlen,
		    item_dup(kept), kept->dlen) == 0) {
			account(j, 0, item_size(it) + ALLOC_COST);
			free(it);
			j->dups++;
			continue;
		}
		g->item[n++] = kept = it;
	}
	g->n = n;
}

/*
 * Deduplicates, then orders the group.  Ties fall back to input
 * order, which the partition files preserve, so spilling never
 * reorders a group.
 */
static void
prepare(struct ll_join *j, struct ll_join_group *g)
{
	size_t i;

	if (g->ready || g->n < 2) {
		g->ready = 1;
		return;
	}
	g->ready = 1;
	for (i = 0; i < g->n && g->item[i]->dlen == 0; i++)
		;
	if (i < g->n)
		dedupe(j, g);
	qsort(g->item, g->n, sizeof(*g->item), sort_cmp);
}

/* A file descriptor for a file without a name in the spill directory. */
static int
tmp_fd(struct ll_join *j)
{
	sigset_t all, old;
	char *path;
	int fd, saved;

#ifdef O_TMPFILE
	if ((fd = open(j->tmpdir, O_TMPFILE | O_RDWR, 0600)) != -1)
		return fd;
#endif
	path = xasprintf("%s/.ll-join.XXXXXX", j->tmpdir);
	/* No signal that can be caught ends us before the unlink. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	fd = mkstemp(path);
	saved = errno;
	if (fd != -1)
		unlink(path);
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(path);
	errno = saved;
	if (fd == -1)
		err(LL_EXIT_IO, "%s", j->tmpdir);
	return fd;
}

static void
tmp_open(struct ll_join *j, struct tmpf *f)
{
	if ((f->fp = fdopen(tmp_fd(j), "w+")) == NULL)
		err(LL_EXIT_IO, "%s", j->tmpdir);
	f->buf = xmalloc(j->bufsize);
	setvbuf(f->fp, f->buf, _IOFBF, j->bufsize);
}

static void
tmp_close(struct tmpf *f)
{
	if (f->fp != NULL)
		fclose(f->fp);
	free(f->buf);
	f->fp = NULL;
	f->buf = NULL;
}

static __dead void
tmp_error(struct ll_join *j)
{
	err(LL_EXIT_IO, "%s: temporary file", j->tmpdir);
}

static void
tmp_rewind(struct ll_join *j, struct tmpf *f)
{
	if (fflush(f->fp) == EOF || fseeko(f->fp, 0, SEEK_SET) == -1)
		tmp_error(j);
}

static void
put(struct ll_join *j, struct tmpf *f, const void *p, size_t n)
{
	if (f->fp == NULL)
		tmp_open(j, f);
	if (n > 0 && fwrite(p, 1, n, f->fp) != n)
		tmp_error(j);
	f->bytes += n;
	j->spill_bytes += n;
}

static __dead void
short_read(struct ll_join *j, struct tmpf *f)
{
	if (ferror(f->fp))
		tmp_error(j);
	errx(LL_EXIT_IO, "%s: temporary file truncated", j->tmpdir);
}

static void
get(struct ll_join *j, struct tmpf *f, void *p, size_t n)
{
	if (n > 0 && fread(p, 1, n, f->fp) != n)
		short_read(j, f);
}

static void
item_write(struct ll_join *j, struct tmpf *f, const struct ll_join_item *it)
{
	put(j, f, it, item_size(it));
}

static void
rec_write(struct ll_join *j, struct tmpf *f, const struct ll_join_item *h,
    const struct ll_join_rec *r)
{
	put(j, f, h, sizeof(*h));
	put(j, f, r->key, h->klen);
	put(j, f, r->sort, h->slen);
	put(j, f, r->dup, h->dlen);
	put(j, f, r->body, h->blen);
}

/* The next record of a partition file, or NULL at its end. */
static struct ll_join_item *
item_read(struct ll_join *j, struct tmpf *f)
{
	struct ll_join_item h, *it;
	size_t n;

	n = fread(&h, 1, sizeof(h), f->fp);
	if (n == 0 && feof(f->fp))
		return NULL;
	if (n != sizeof(h))
		short_read(j, f);
	it = xmalloc(item_size(&h));
	*it = h;
	get(j, f, it + 1, item_size(&h) - sizeof(h));
	return it;
}

/* Output rows: to standard output, or tagged to a partition's file. */
void
ll_join_emit(struct ll_join *j, const char *p, size_t n)
{
	uint64_t len = n;

	if (j->out == NULL) {
		ll_out_record(p, n);
		return;
	}
	put(j, j->out, &j->tag, sizeof(j->tag));
	put(j, j->out, &len, sizeof(len));
	put(j, j->out, p, n);
}

struct head {
	uint64_t	 tag;
	struct ll_buf	 b;
	int		 live;
};

static void
head_next(struct ll_join *j, struct tmpf *f, struct head *h)
{
	uint64_t len;
	size_t n;

	h->live = 0;
	n = fread(&h->tag, 1, sizeof(h->tag), f->fp);
	if (n == 0 && feof(f->fp))
		return;
	if (n != sizeof(h->tag))
		short_read(j, f);
	get(j, f, &len, sizeof(len));
	h->b.n = 0;
	get(j, f, ll_buf_reserve(&h->b, (size_t)len), (size_t)len);
	h->b.n = (size_t)len;
	h->live = 1;
}

/* Merges the tagged rows of N files into OUT (NULL: standard output). */
static void
merge(struct ll_join *j, struct tmpf *in, size_t n, struct tmpf *out)
{
	struct head *h;
	size_t i, best;

	h = xcalloc(n, sizeof(*h));
	for (i = 0; i < n; i++)
		if (in[i].fp != NULL) {
			tmp_rewind(j, &in[i]);
			head_next(j, &in[i], &h[i]);
		}
	for (;;) {
		best = n;
		for (i = 0; i < n; i++)
			if (h[i].live && (best == n || h[i].tag < h[best].tag))
				best = i;
		if (best == n)
			break;
		j->out = out;
		j->tag = h[best].tag;
		ll_join_emit(j, h[best].b.p, h[best].b.n);
		head_next(j, &in[best], &h[best]);
	}
	j->out = NULL;
	for (i = 0; i < n; i++) {
		ll_buf_free(&h[i].b);
		tmp_close(&in[i]);
	}
	free(h);
}

static void
probe(struct ll_join *j, uint64_t seq, const char *body, size_t blen,
    void *parsed, struct ll_join_group *g)
{
	if (g != NULL) {
		prepare(j, g);
		g->matched = 1;
	}
	j->tag = seq;
	j->ops.probe(j->ops.arg, body, blen, parsed, g);
}

static void
orphan(struct ll_join *j, struct ll_join_group *g)
{
	prepare(j, g);
	j->tag = TAG_ORPHAN | g->first;
	j->ops.orphan(j->ops.arg, g);
}

/*
 * Emits the groups no left record matched, then empties the table.
 * The list is in order of each group's first record, because
 * partition files keep records in input order within a key.
 */
static void
table_done(struct ll_join *j)
{
	struct ll_join_group *g;
	size_t i;

	for (i = 0; i < j->t.n; i++) {
		g = j->t.list[i];
		if (g->matched)
			continue;
		if (g->item[0]->nokey == 0)
			j->unmatched++;
		if (j->orphans)
			orphan(j, g);
	}
	j->keys += j->t.nkeys;
	table_free(j);
}

struct ll_join *
ll_join_new(const struct ll_join_ops *ops, size_t budget, const char *tmpdir,
    int orphans)
{
	struct ll_join *j;

	j = xcalloc(1, sizeof(*j));
	j->ops = *ops;
	j->budget = budget;
	j->tmpdir = tmpdir;
	j->orphans = orphans;
	j->bufsize = budget >> 12;
	if (j->bufsize < 4096)
		j->bufsize = 4096;
	if (j->bufsize > 65536)
		j->bufsize = 65536;
	return j;
}

/* A right record without a key can only ever be an orphan. */
static void
spill_orphan(struct ll_join *j, struct ll_join_item *it)
{
	struct ll_join_group g;

	memset(&g, 0, sizeof(g));
	g.item = &it;
	g.n = 1;
	g.first = it->seq;
	j->out = &j->side[1];
	orphan(j, &g);
	j->out = NULL;
}

/* The table no longer fits: from now on, records go to files. */
static void
spill(struct ll_join *j)
{
	struct ll_join_group *g;
	struct tmpf *f;
	size_t i, k;

	j->spilled = 1;
	for (i = 0; i < j->t.n; i++) {
		g = j->t.list[i];
		f = &j->right[part_of(g->hash, 0, FANOUT_BITS)];
		for (k = 0; k < g->n; k++) {
			if (g->item[k]->nokey)
				spill_orphan(j, g->item[k]);
			else
				item_write(j, f, g->item[k]);
		}
	}
	table_free(j);
}

void
ll_join_right(struct ll_join *j, const struct ll_join_rec *r)
{
	struct ll_join_item h, *it;

	header_of(&h, r);
	if (h.nokey && !j->orphans)
		return;
	if (!j->spilled) {
		table_add(j, item_new(&h, r));
		if (j->t.used > j->budget)
			spill(j);
	} else if (h.nokey) {
		it = item_new(&h, r);
		spill_orphan(j, it);
		free(it);
	} else
		rec_write(j, &j->right[part_of(h.hash, 0, FANOUT_BITS)], &h,
		    r);
}

void
ll_join_left(struct ll_join *j, const struct ll_join_rec *r, void *parsed)
{
	struct ll_join_item h;

	header_of(&h, r);
	if (!j->spilled)
		probe(j, r->seq, r->body, r->blen, parsed, h.nokey ? NULL :
		    lookup(j, h.hash, r->key, r->klen));
	else if (h.nokey) {
		j->out = &j->side[0];
		probe(j, r->seq, r->body, r->blen, parsed, NULL);
		j->out = NULL;
	} else {
		h.slen = h.dlen = 0;
		rec_write(j, &j->left[part_of(h.hash, 0, FANOUT_BITS)], &h, r);
	}
}

static int
same_key(const struct ll_join_item *a, const struct ll_join_item *b)
{
	return a->hash == b->hash && a->klen == b->klen &&
	    memcmp(ll_join_key(a), ll_join_key(b), a->klen) == 0;
}

static void run(struct ll_join *, unsigned, unsigned, struct tmpf *,
    struct tmpf *, struct tmpf *, int);

/* Enough bits that the parts fit, counting table overhead, at most 6. */
static unsigned
split_bits(struct ll_join *j, const struct tmpf *r, unsigned shift)
{
	uint64_t need = r->bytes + r->bytes / 2;
	unsigned bits = 1;

	while (bits < FANOUT_BITS && (need >> bits) > j->budget)
		bits++;
	return bits < 64 - shift ? bits : 64 - shift;
}

/* Splits a partition that does not fit on the next bits of the hash. */
static void
split(struct ll_join *j, unsigned level, unsigned shift, struct tmpf *r,
    struct tmpf *l, struct tmpf *out)
{
	struct tmpf sr[FANOUT], sl[FANOUT], so[FANOUT];
	struct ll_join_item *it, *first = NULL;
	unsigned bits;
	int same = 1;
	size_t i;

	memset(sr, 0, sizeof(sr));
	memset(sl, 0, sizeof(sl));
	memset(so, 0, sizeof(so));
	bits = shift < 64 ? split_bits(j, r, shift) : 0;
	tmp_rewind(j, r);
	while (bits > 0 && (it = item_read(j, r)) != NULL) {
		item_write(j, &sr[part_of(it->hash, shift, bits)], it);
		if (first == NULL)
			first = it;
		else {
			same = same && same_key(first, it);
			free(it);
		}
	}
	free(first);
	if (same || bits == 0) {
		for (i = 0; i < FANOUT; i++)
			tmp_close(&sr[i]);
		if (j->over++ == 0)
			warnx("records with one key need more than the memory "
			    "limit; joining them in memory anyway");
		run(j, level, shift, r, l, out, 1);
		return;
	}
	tmp_close(r);
	if (l->fp != NULL) {
		tmp_rewind(j, l);
		while ((it = item_read(j, l)) != NULL) {
			item_write(j, &sl[part_of(it->hash, shift, bits)], it);
			free(it);
		}
		tmp_close(l);
	}
	for (i = 0; i < FANOUT; i++)
		if (sr[i].fp != NULL || sl[i].fp != NULL)
			run(j, level + 1, shift + bits, &sr[i], &sl[i], &so[i],
			    0);
	merge(j, so, FANOUT, out);
}

/*
 * Joins one partition: its right file in memory, its left file past
 * it.  SHIFT is where its records' hashes still differ.
 */
static void
run(struct ll_join *j, unsigned level, unsigned shift, struct tmpf *r,
    struct tmpf *l, struct tmpf *out, int force)
{
	struct ll_join_item *it;

	if (level > j->depth)
		j->depth = level;
	if (r->fp != NULL) {
		tmp_rewind(j, r);
		while ((it = item_read(j, r)) != NULL) {
			table_add(j, it);
			if (j->t.used > j->budget && !force) {
				table_free(j);
				split(j, level, shift, r, l, out);
				return;
			}
		}
		tmp_close(r);
	}
	j->parts++;
	j->out = out;
	if (l->fp != NULL) {
		tmp_rewind(j, l);
		while ((it = item_read(j, l)) != NULL) {
			probe(j, it->seq, ll_join_body(it), it->blen, NULL,
			    lookup(j, it->hash, ll_join_key(it), it->klen));
			free(it);
		}
		tmp_close(l);
	}
	table_done(j);
	j->out = NULL;
}

/* Joins what is left, writes the counters and frees the engine. */
void
ll_join_finish(struct ll_join *j)
{
	struct tmpf out[FANOUT + 2];
	size_t i;

	if (!j->spilled)
		table_done(j);
	else {
		memset(out, 0, sizeof(out));
		for (i = 0; i < FANOUT; i++)
			if (j->right[i].fp != NULL || j->left[i].fp != NULL)
				run(j, 1, FANOUT_BITS, &j->right[i],
				    &j->left[i], &out[i], 0);
		out[FANOUT] = j->side[0];
		out[FANOUT + 1] = j->side[1];
		merge(j, out, FANOUT + 2, NULL);
	}
	ll_stats_add("right_keys", j->keys);
	ll_stats_add("right_keys_unmatched", j->unmatched);
	ll_stats_add("right_duplicates", j->dups);
	ll_stats_add("memory_peak", j->peak);
	ll_stats_add("spill_bytes", j->spill_bytes);
	ll_stats_add("spill_partitions", j->parts);
	ll_stats_add("spill_depth", j->depth);
	ll_stats_add("groups_over_memory", j->over);
	free(j);
}

/*
 * Parses bytes the join hands back: a record, or a key, which may be
 * any value.  They were parsed once on the way in, so failing now
 * means the temporary files were damaged.
 */
json_t *
ll_join_parse(const char *p, size_t n)
{
	json_error_t jerr;
	json_t *j;

	if ((j = ll_json_parse(p, n, &jerr)) == NULL)
		errx(LL_EXIT_IO, "temporary data damaged: %s", jerr.text);
	return j;
}

/*
 * Appends V (NULL for a missing value) in a form that memcmp orders
 * as jq orders values: null, false, true, numbers, strings, then
 * arrays and objects by their JSON text.  Numbers become IEEE 754
 * bits with the sign flipped, big-endian; strings escape NUL so that
 * a string sorts before any longer string it begins.
 */
void
ll_join_sortkey(struct ll_buf *b, const json_t *v)
{
	struct ll_buf tmp = { NULL, 0, 0 };
	unsigned char num[8];
	const char *s;
	uint64_t u;
	double d;
	size_t i, n;
	int k;

	if (v == NULL || json_is_null(v)) {
		ll_buf_addc(b, 1);
		return;
	}
	if (json_is_boolean(v)) {
		ll_buf_addc(b, json_is_true(v) ? 3 : 2);
		return;
	}
	if (json_is_number(v)) {
		d = json_number_value(v);
		memcpy(&u, &d, sizeof(u));
		u = (u >> 63) ? ~u : u | (UINT64_C(1) << 63);
		for (k = 0; k < 8; k++)
			num[k] = (unsigned char)(u >> (56 - 8 * k));
		ll_buf_addc(b, 4);
		ll_buf_add(b, num, sizeof(num));
		return;
	}
	if (json_is_string(v)) {
		ll_buf_addc(b, 5);
		s = json_string_value(v);
		n = json_string_length(v);
	} else {
		ll_buf_addc(b, 6);
		ll_buf_json(&tmp, v);
		s = tmp.p;
		n = tmp.n;
	}
	for (i = 0; i < n; i++) {
		ll_buf_addc(b, s[i]);
		if (s[i] == '\0')
			ll_buf_addc(b, 0xff);
	}
	ll_buf_add(b, "\0\0", 2);
	ll_buf_free(&tmp);
}
