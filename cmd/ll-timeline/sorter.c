/*
 * Records are copied into an arena and sorted by key when the sorter
 * drains or spills.  A run on disk is its records in key order, each
 * as its key, its length and its bytes, in an unnamed temporary file
 * ($TMPDIR, else /tmp), so nothing is left behind however the process
 * ends.  Merging keeps one record of each source in a binary heap; if
 * there are more runs than MAXOPEN, the oldest are first merged into
 * one, so open files stay bounded too.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/afile.h"
#include "ll.h"
#include "sorter.h"
#include "xalloc.h"

#define MAXOPEN	64

struct item {
	struct ll_skey	 k;
	size_t		 off, len;
};

struct ll_sorter {
	size_t		 budget;
	struct item	*it;
	size_t		 n, cap;
	char		*arena;
	size_t		 used, size;
	FILE		**runs;
	size_t		 nruns;
	uint64_t	 spilled;
};

/* One input of a merge: a run, or a sorter's sorted items. */
struct source {
	FILE		*fp;
	const struct ll_sorter *s;
	size_t		 i;
	struct ll_skey	 k;
	const char	*p;
	size_t		 len;
	char		*buf;
	size_t		 cap;
};

struct ll_sorter *
ll_sorter_new(size_t budget)
{
	struct ll_sorter *s;

	s = xcalloc(1, sizeof(*s));
	s->budget = budget;
	return s;
}

static int
keycmp(const struct ll_skey *a, const struct ll_skey *b)
{
	if (a->ms != b->ms)
		return a->ms < b->ms ? -1 : 1;
	if (a->table != b->table)
		return a->table < b->table ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return (a->row > b->row) - (a->row < b->row);
}

static int
itemcmp(const void *a, const void *b)
{
	return keycmp(&((const struct item *)a)->k,
	    &((const struct item *)b)->k);
}

static FILE *
tmp_file(void)
{
	FILE *fp;

	if ((fp = fdopen(ll_afile_unnamed("ll-timeline"), "w+")) == NULL)
		err(LL_EXIT_IO, "fdopen");
	return fp;
}

static void
put(FILE *fp, const struct ll_skey *k, const char *p, size_t n)
{
	uint64_t len = n;

	if (fwrite(k, sizeof(*k), 1, fp) != 1 ||
	    fwrite(&len, sizeof(len), 1, fp) != 1 ||
	    (n > 0 && fwrite(p, 1, n, fp) != n))
		err(LL_EXIT_IO, "temporary file");
}

/* Sorts what the sorter holds into a run of its own. */
static void
spill(struct ll_sorter *s)
{
	FILE *fp;
	size_t i;

	qsort(s->it, s->n, sizeof(*s->it), itemcmp);
	fp = tmp_file();
	for (i = 0; i < s->n; i++)
		put(fp, &s->it[i].k, s->arena + s->it[i].off, s->it[i].len);
	if (fflush(fp) == EOF)
		err(LL_EXIT_IO, "temporary file");
	s->spilled += s->used;
	s->runs = xreallocarray(s->runs, s->nruns + 1, sizeof(*s->runs));
	s->runs[s->nruns++] = fp;
	s->n = 0;
	s->used = 0;
}

void
ll_sorter_add(struct ll_sorter *s, const struct ll_skey *k, const char *p,
    size_t n)
{
	struct item *it;

	if (s->n > 0 && s->used + n + (s->n + 1) * sizeof(*s->it) >
	    s->budget)
		spill(s);
	if (s->used + n > s->size) {
		s->size = (s->used + n) * 2;
		s->arena = xrealloc(s->arena, s->size);
	}
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		s->it = xreallocarray(s->it, s->cap, sizeof(*s->it));
	}
	it = &s->it[s->n++];
	it->k = *k;
	it->off = s->used;
	it->len = n;
	if (n > 0)
		memcpy(s->arena + s->used, p, n);
	s->used += n;
}

/* Bytes that went to disk, over the sorter's life. */
uint64_t
ll_sorter_spilled(const struct ll_sorter *s)
{
	return s->spilled;
}

/* Loads the source's next record; 0 when it has none. */
static int
advance(struct source *src)
{
	uint64_t len;
	const struct item *it;

	if (src->s != NULL) {
		if (src->i == src->s->n)
			return 0;
		it = &src->s->it[src->i++];
		src->k = it->k;
		src->p = src->s->arena + it->off;
		src->len = it->len;
		return 1;
	}
	if (fread(&src->k, sizeof(src->k), 1, src->fp) != 1) {
		if (ferror(src->fp))
			err(LL_EXIT_IO, "temporary file");
		return 0;
	}
	if (fread(&len, sizeof(len), 1, src->fp) != 1)
		errx(LL_EXIT_IO, "temporary file: truncated");
	if (len > src->cap) {
		free(src->buf);
		src->cap = (size_t)len;
		src->buf = xmalloc(src->cap);
	}
	if (len > 0 && fread(src->buf, 1, (size_t)len, src->fp) != len)
		errx(LL_EXIT_IO, "temporary file: truncated");
	src->p = src->buf;
	src->len = (size_t)len;
	return 1;
}

static void
sift(struct source **h, size_t n, size_t i)
{
	struct source *t;
	size_t c;

	for (; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && keycmp(&h[c + 1]->k, &h[c]->k) < 0)
			c++;
		if (keycmp(&h[i]->k, &h[c]->k) <= 0)
			break;
		t = h[i];
		h[i] = h[c];
		h[c] = t;
	}
}

/* Merges N sources; each record goes to FN, or to run OUT if not NULL. */
static void
merge(struct source *src, size_t n, FILE *out,
    void (*fn)(void *, const char *, size_t), void *arg)
{
	struct source **h;
	size_t i, nh = 0;

	h = xreallocarray(NULL, n + 1, sizeof(*h));
	for (i = 0; i < n; i++) {
		if (src[i].fp != NULL)
			rewind(src[i].fp);
		if (advance(&src[i]))
			h[nh++] = &src[i];
	}
	for (i = nh; i-- > 0;)
		sift(h, nh, i);
	while (nh > 0) {
		if (out != NULL)
			put(out, &h[0]->k, h[0]->p, h[0]->len);
		else
			fn(arg, h[0]->p, h[0]->len);
		if (!advance(h[0]))
			h[0] = h[--nh];
		sift(h, nh, 0);
	}
	free(h);
}

static void
close_sources(struct source *src, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (src[i].fp != NULL)
			fclose(src[i].fp);
		free(src[i].buf);
	}
}

/* Merges a sorter's first MAXOPEN runs into one while it has too many. */
static void
narrow(struct ll_sorter *s)
{
	struct source src[MAXOPEN];
	FILE *fp;
	size_t i;

	while (s->nruns > MAXOPEN) {
		memset(src, 0, sizeof(src));
		for (i = 0; i < MAXOPEN; i++)
			src[i].fp = s->runs[i];
		fp = tmp_file();
		merge(src, MAXOPEN, fp, NULL, NULL);
		if (fflush(fp) == EOF)
			err(LL_EXIT_IO, "temporary file");
		close_sources(src, MAXOPEN);
		memmove(s->runs + 1, s->runs + MAXOPEN, (s->nruns - MAXOPEN) *
		    sizeof(*s->runs));
		s->runs[0] = fp;
		s->nruns -= MAXOPEN - 1;
	}
}

/*
 * Sends every record of the N sorters to FN in key order, then
 * empties them.
 */
void
ll_sorter_drain(struct ll_sorter **ss, size_t n,
    void (*fn)(void *, const char *, size_t), void *arg)
{
	struct source *src;
	size_t i, j, k = 0, total = 0;

	for (i = 0; i < n; i++) {
		if (ss[i]->nruns > 0 && ss[i]->n > 0)
			spill(ss[i]);	/* memory for the merge buffers */
		narrow(ss[i]);
		if (ss[i]->n > 1)
			qsort(ss[i]->it, ss[i]->n, sizeof(*ss[i]->it),
			    itemcmp);
		total += ss[i]->nruns + 1;
	}
	src = xcalloc(total + 1, sizeof(*src));
	for (i = 0; i < n; i++) {
		for (j = 0; j < ss[i]->nruns; j++)
			src[k++].fp = ss[i]->runs[j];
		src[k++].s = ss[i];
	}
	merge(src, k, NULL, fn, arg);
	close_sources(src, k);
	free(src);
	for (i = 0; i < n; i++) {
		free(ss[i]->runs);
		ss[i]->runs = NULL;
		ss[i]->nruns = 0;
		ss[i]->n = 0;
		ss[i]->used = 0;
	}
}

void
ll_sorter_free(struct ll_sorter *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nruns; i++)
		fclose(s->runs[i]);
	free(s->runs);
	free(s->it);
	free(s->arena);
	free(s);
}
