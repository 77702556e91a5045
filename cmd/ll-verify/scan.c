/*
 * The store scan.  Each bucket directory is walked with the listing
 * walk ll-fetch uses for local sources (entries in byte order, only
 * the days of the window when --from is given), so the objects of an
 * account arrive together: they are gathered until the account
 * changes, then checked region by region.  Other objects are not
 * read; their status is "not covered".
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ll.h"
#include "report.h"
#include "s3key.h"
#include "verify.h"
#include "walk.h"
#include "xalloc.h"

struct account {
	struct run	*run;
	char		*bucket;
	char		*acctdir;
	struct ll_s3key	 k;
	struct obj	*objs;
	size_t		 n, cap;
};

/* Is T (seconds) inside --from, when one was given? */
int
in_window(const struct run *r, int64_t t)
{
	return !r->have_from || t >= r->from;
}

/* Does STORE/BUCKET/KEY exist (outside the part of the store walked)? */
int
on_disk(const struct run *r, const char *bucket, const char *key)
{
	struct stat st;
	char *path;
	int ok;

	path = xasprintf("%s/%s/%s", r->store, bucket, key);
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

static int
objcmp(const void *a, const void *b)
{
	const struct obj *x = a, *y = b;
	int c;

	if ((c = strcmp(x->region, y->region)) != 0)
		return c;
	return strcmp(x->key, y->key);
}

/* Checks the gathered account, one region at a time, and forgets it. */
static void
flush(struct account *a)
{
	struct group g;
	size_t i, j;

	qsort(a->objs, a->n, sizeof(*a->objs), objcmp);
	for (i = 0; i < a->n; i = j) {
		for (j = i + 1; j < a->n && strcmp(a->objs[j].region,
		    a->objs[i].region) == 0; j++)
			;
		memset(&g, 0, sizeof(g));
		g.run = a->run;
		g.bucket = a->bucket;
		g.acctdir = a->acctdir;
		g.org = a->k.org[0] != '\0' ? a->k.org : NULL;
		g.account = a->k.account;
		g.region = a->objs[i].region;
		g.objs = a->objs + i;
		g.n = j - i;
		trail_check(&g);
	}
	for (i = 0; i < a->n; i++) {
		free(a->objs[i].key);
		free(a->objs[i].path);
	}
	a->n = 0;
	free(a->acctdir);
	a->acctdir = NULL;
}

/* The key up to and including the account segment: six from the end. */
static size_t
acctdir_len(const char *key, size_t len)
{
	size_t n = len;
	int slashes = 0;

	while (n > 0 && slashes < 6)
		if (key[--n] == '/')
			slashes++;
	return slashes == 6 ? n + 1 : 0;
}

static void
other(struct run *r, const struct ll_walk_obj *o, const char *path)
{
	struct mrec *m;

	m = manifest_get(&r->man, o->bucket, o->key);
	if (m != NULL)
		m->seen = 1;
	report_object(o->bucket, o->key, path, K_OTHER,
	    m != NULL ? m->sha : NULL, ST_UNCOVERED, NULL);
}

static void
seen(void *arg, const struct ll_walk_obj *o)
{
	struct account *a = arg;
	struct ll_s3key k;
	struct obj *ob;
	char *path;
	size_t n;

	if (memchr(o->key, '\0', o->keylen) != NULL)
		return;
	path = xasprintf("%s/%s/%s", a->run->store, o->bucket, o->key);
	ll_s3key_parse(o->key, o->keylen, &k);
	if ((k.kind != LL_S3K_CLOUDTRAIL && k.kind != LL_S3K_DIGEST) ||
	    (n = acctdir_len(o->key, o->keylen)) == 0) {
		other(a->run, o, path);
		free(path);
		return;
	}
	if (a->acctdir != NULL && (strcmp(a->bucket, o->bucket) != 0 ||
	    strlen(a->acctdir) != n || memcmp(a->acctdir, o->key, n) != 0))
		flush(a);
	if (a->acctdir == NULL) {
		free(a->bucket);
		a->bucket = xstrdup(o->bucket);
		a->acctdir = xstrndup(o->key, n);
		a->k = k;
	}
	if (a->n == a->cap) {
		a->cap = a->cap * 2 + 64;
		a->objs = xreallocarray(a->objs, a->cap, sizeof(*a->objs));
	}
	ob = &a->objs[a->n++];
	ob->key = xstrndup(o->key, o->keylen);
	ob->path = path;
	ob->digest = k.kind == LL_S3K_DIGEST;
	memcpy(ob->region, k.region, sizeof(ob->region));
}

static int
namecmp(const struct dirent **x, const struct dirent **y)
{
	return strcmp((*x)->d_name, (*y)->d_name);
}

/* Walks every bucket directory of the store, in byte order. */
void
scan_store(struct run *r)
{
	struct account a;
	struct ll_walk w;
	struct dirent **ents;
	struct stat st;
	char *dir;
	int i, n;

	memset(&a, 0, sizeof(a));
	a.run = r;
	memset(&w, 0, sizeof(w));
	w.emit = seen;
	w.arg = &a;
	if (r->have_from) {
		w.window = 1;
		w.from = (long)(r->from / 86400);
		w.to = (long)((r->have_until && r->until > time(NULL) ?
		    r->until : time(NULL)) / 86400 + 1);
	}
	if ((n = scandir(r->store, &ents, NULL, namecmp)) == -1)
		err(LL_EXIT_IO, "%s", r->store);
	for (i = 0; i < n; i++) {
		dir = xasprintf("%s/%s", r->store, ents[i]->d_name);
		/* Dot names are ll-fetch's temporary files, never a bucket. */
		if (ents[i]->d_name[0] != '.' && lstat(dir, &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			ll_walk_local(&w, dir);
			if (a.acctdir != NULL)
				flush(&a);
		}
		free(dir);
		free(ents[i]);
	}
	free(ents);
	free(a.objs);
	free(a.bucket);
	ll_stats_add("above_date_level", w.outside);
}
