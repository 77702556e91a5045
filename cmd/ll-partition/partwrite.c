/*
 * The partition writer.  Partitions are found by their relative path
 * in an open-addressing table, with the last one found tried first:
 * input usually comes a day at a time.  JSON lines are compressed a
 * block at a time into gzip members, which readers concatenate.
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <libdeflate.h>

#include "io/afile.h"
#include "io/dir.h"
#include "io/out.h"
#include "json/jscan.h"
#include "lake/ddl.h"
#include "lake/hive.h"
#include "lake/parquet.h"
#include "ll.h"
#include "partkeys.h"
#include "partwrite.h"
#include "pqrow.h"
#include "publish.h"
#include "xalloc.h"

#define BLOCK	(1 << 20)	/* rows compressed as one gzip member */

struct ll_partw {
	struct ll_partwrite_opts o;
	const char	*ext;
	int		 rootfd;	/* o.out, once a partition is used */
	size_t		 block;
	size_t		 nactive;
	struct ll_part	**part;
	size_t		 npart, *hash, hashcap;
	struct ll_part	*last;
	uint64_t	 clock;
	struct libdeflate_compressor *z;
	char		*zbuf;
	size_t		 zsize;
};

struct ll_partw *
ll_partwrite_new(const struct ll_partwrite_opts *o)
{
	struct ll_partw *w;

	w = xcalloc(1, sizeof(*w));
	w->o = *o;
	w->rootfd = -1;
	w->ext = o->fmt == LL_FMT_PARQUET ? ".parquet" : ".json.gz";
	/* A target below one block still gets files of about that size. */
	w->block = o->target < BLOCK ? (size_t)o->target : BLOCK;
	if (o->fmt == LL_FMT_JSON &&
	    (w->z = libdeflate_alloc_compressor(o->pq.level)) == NULL)
		err(LL_EXIT_IO, NULL);
	ll_stats_add("files_written", 0);
	ll_stats_add("rows_written", 0);
	return w;
}

static size_t
strhash(const char *s)
{
	size_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void
rehash(struct ll_partw *w)
{
	size_t i, j;

	w->hashcap = w->hashcap == 0 ? 64 : w->hashcap * 2;
	free(w->hash);
	w->hash = xcalloc(w->hashcap, sizeof(*w->hash));
	for (j = 0; j < w->npart; j++) {
		i = strhash(w->part[j]->rel) & (w->hashcap - 1);
		while (w->hash[i] != 0)
			i = (i + 1) & (w->hashcap - 1);
		w->hash[i] = j + 1;
	}
}

/* The partition at REL (key=value/...), made if new. */
struct ll_part *
ll_partwrite_get(struct ll_partw *w, const char *rel)
{
	struct ll_part *p;
	size_t i;

	if (w->last != NULL && strcmp(w->last->rel, rel) == 0)
		return w->last;
	if ((w->npart + 1) * 2 > w->hashcap)
		rehash(w);
	for (i = strhash(rel) & (w->hashcap - 1); w->hash[i] != 0;
	    i = (i + 1) & (w->hashcap - 1))
		if (strcmp(w->part[w->hash[i] - 1]->rel, rel) == 0)
			return w->last = w->part[w->hash[i] - 1];
	p = xcalloc(1, sizeof(*p));
	p->rel = xstrdup(rel);
	p->dir = xasprintf("%s/%s/%s", w->o.out, w->o.table, rel);
	p->dfd = -1;
	p->values = json_object();
	w->part = xreallocarray(w->part, w->npart + 1, sizeof(*w->part));
	w->part[w->npart++] = p;
	w->hash[i] = w->npart;
	return w->last = p;
}

static void
flush_block(struct ll_partw *w, struct ll_part *p)
{
	size_t n, bound;

	if (p->blk.len == 0)
		return;
	bound = libdeflate_gzip_compress_bound(w->z, p->blk.len);
	if (bound > w->zsize) {
		free(w->zbuf);
		w->zsize = bound;
		w->zbuf = xmalloc(bound);
	}
	n = libdeflate_gzip_compress(w->z, p->blk.p, p->blk.len, w->zbuf,
	    w->zsize);
	if (n == 0)
		errx(LL_EXIT_IO, "%s: compression failed", p->dir);
	if (fwrite(w->zbuf, 1, n, p->fp) != n)
		err(LL_EXIT_IO, "%s", p->dir);
	p->fbytes += n;
	p->blk.len = 0;
}

static void
open_file(struct ll_partw *w, struct ll_part *p)
{
	char name[NAME_MAX + 1];

	snprintf(name, sizeof name, "part-open%s", w->ext);
	if ((p->fp = ll_afile_tryat(&p->af, p->dfd, name)) == NULL)
		err(LL_EXIT_IO, "%s/%s", p->dir, name);
	p->fbytes = 0;
	if (w->o.fmt == LL_FMT_PARQUET && (p->pq = ll_parquet_open(p->fp,
	    w->o.pr->cols, w->o.pr->ncols, &w->o.pq)) == NULL)
		err(LL_EXIT_IO, NULL);
}

/* Commits the open file, named after the keys it holds. */
static void
close_file(struct ll_partw *w, struct ll_part *p)
{
	char hex[21];
	size_t n;

	if (p->fp == NULL)
		return;
	if (p->pq != NULL) {
		if (ll_parquet_close(p->pq, &p->fbytes) == -1)
			err(LL_EXIT_IO, "%s", p->dir);
		p->pq = NULL;
	} else
		flush_block(w, p);
	n = ll_partkeys_commit(&p->keys, &p->af, w->ext, hex);
	p->fp = NULL;
	p->files++;
	p->bytes += p->fbytes;
	ll_stats_add("files_written", 1);
	ll_stats_add("rows_written", n);
	if (w->o.pub != NULL)
		ll_publish_file(w->o.pub, p, hex, w->ext, n);
}

static void
deactivate(struct ll_partw *w, struct ll_part *p)
{
	close_file(w, p);
	ll_partkeys_unload(&p->keys);
	ll_jbuf_free(&p->blk);
	close(p->dfd);
	p->dfd = -1;
	p->active = 0;
	w->nactive--;
}

/*
 * Opens the partition's folder, made if new, from the lake's top
 * folder down without following a link: TABLE and every KEY=VALUE
 * folder must be real folders.
 */
static void
open_dir(struct ll_partw *w, struct ll_part *p)
{
	char *rel;
	size_t bad;

	if (w->rootfd == -1 && (w->rootfd = ll_dir_root(w->o.out, 1)) == -1)
		err(LL_EXIT_IO, "%s", w->o.out);
	rel = xasprintf("%s/%s", w->o.table, p->rel);
	if ((p->dfd = ll_dir_walk(w->rootfd, rel, strlen(rel), 1,
	    &bad)) == -1) {
		warnx("%s/%.*s: %s", w->o.out, (int)bad, rel,
		    ll_dir_strerror(errno));
		free(rel);
		exit(LL_EXIT_IO);
	}
	free(rel);
}

/*
 * Maps the keys already in the partition, having closed the least
 * recently used partition if maxopen are open.
 */
static void
activate(struct ll_partw *w, struct ll_part *p)
{
	struct ll_part *old;
	size_t i;

	while (w->nactive >= w->o.maxopen) {
		old = NULL;
		for (i = 0; i < w->npart; i++)
			if (w->part[i]->active && (old == NULL ||
			    w->part[i]->lastuse < old->lastuse))
				old = w->part[i];
		deactivate(w, old);
	}
	open_dir(w, p);
	if (w->o.pub != NULL) {
		ll_publish_remote(w->o.pub, p);
		p->keys.remote = ll_publish_has;
		p->keys.remote_arg = p;
	}
	ll_partkeys_load(&p->keys, p->dfd, p->dir);
	p->active = 1;
	w->nactive++;
}

/*
 * Adds a row with KEY to partition P unless P has the key already.
 * The row is ROW, LEN bytes of JSON, for JSON lines, and the slots of
 * the caller's ll_pqrow for Parquet.
 */
void
ll_partwrite_add(struct ll_partw *w, struct ll_part *p,
    const struct ll_jval *key, const char *row, size_t len)
{
	p->lastuse = ++w->clock;
	if (w->o.pub != NULL)
		ll_publish_pump(w->o.pub);
	if (!p->active)
		activate(w, p);
	if (!ll_partkeys_add(&p->keys, key)) {
		p->dups++;
		ll_count(LL_R_DUPLICATE);
		return;
	}
	if (p->fp == NULL)
		open_file(w, p);
	p->records++;
	if (p->pq != NULL) {
		if (ll_pqrow_write(w->o.pr, p->pq) == -1)
			err(LL_EXIT_IO, "%s", p->dir);
		p->fbytes = ll_parquet_size(p->pq, (uint64_t)w->o.target);
	} else {
		ll_jbuf_add(&p->blk, row, len);
		ll_jbuf_addc(&p->blk, '\n');
		if (p->blk.len >= w->block)
			flush_block(w, p);
	}
	if (p->fbytes >= (uint64_t)w->o.target)
		close_file(w, p);
}

static int
cmp_part(const void *a, const void *b)
{
	return strcmp((*(struct ll_part *const *)a)->rel,
	    (*(struct ll_part *const *)b)->rel);
}

static void
report(const struct ll_partw *w, const struct ll_part *p)
{
	json_t *o;
	char *loc;

	loc = ll_hive_location(w->o.base, w->o.table, p->rel);
	o = json_pack("{s:s, s:O, s:s, s:I, s:I, s:I, s:I}",
	    "table", w->o.table, "partition", p->values,
	    "location", loc, "files", (json_int_t)p->files,
	    "records", (json_int_t)p->records,
	    "duplicates", (json_int_t)p->dups,
	    "bytes", (json_int_t)p->bytes);
	ll_out_json(o);
	json_decref(o);
	free(loc);
}

/*
 * Commits every file, then reports each partition that got files, in
 * the order of their paths, and frees the writer.
 */
void
ll_partwrite_finish(struct ll_partw *w)
{
	struct ll_part *p;
	size_t i;

	/* Every open file's last rows are written at once, then closed. */
	for (i = 0; i < w->npart; i++)
		if (w->part[i]->active && w->part[i]->pq != NULL)
			ll_parquet_flush(w->part[i]->pq);
	for (i = 0; i < w->npart; i++)
		if (w->part[i]->active)
			deactivate(w, w->part[i]);
	if (w->o.pub != NULL)
		ll_publish_finish(w->o.pub);
	if (w->npart > 0)
		qsort(w->part, w->npart, sizeof(*w->part), cmp_part);
	for (i = 0; i < w->npart; i++) {
		p = w->part[i];
		/* On S3, a partition is reported once all its files are. */
		if ((p->files > 0 || w->o.all) && p->failed == 0)
			report(w, p);
		ll_publish_forget(p);
		json_decref(p->values);
		free(p->rel);
		free(p->dir);
		free(p);
	}
	if (w->rootfd != -1)
		close(w->rootfd);
	free(w->part);
	free(w->hash);
	free(w->zbuf);
	libdeflate_free_compressor(w->z);
	free(w);
}
