/*
 * The store scan.  Each bucket directory is walked in byte order (with
 * --from, only the YYYY/MM/DD/ directories of the window below a year
 * directory, as ll-fetch prunes listings), so the objects of an account
 * arrive together: they are gathered until the account changes, then
 * checked region by region.  Other objects are not read; their status
 * is "not covered".
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "isotime.h"
#include "lake/s3key.h"
#include "ll.h"
#include "report.h"
#include "verify.h"
#include "xalloc.h"

struct account {
	struct ll_run	*run;
	const char	*bucket;
	char		*acctdir;
	struct ll_s3key	 k;
	struct ll_obj	*objs;
	size_t		 n, cap;
	int64_t		 from, to;	/* days of the window, inclusive */
};

/* Is T (seconds) inside --from, when one was given? */
int
ll_scan_in_window(const struct ll_run *r, int64_t t)
{
	return !r->have_from || t >= r->from;
}

/*
 * Does STORE/BUCKET/KEY exist (outside the part of the store walked)?
 * The names come from digests: one that would leave the store is not
 * looked for (ll-fetch never stores such a key).
 */
int
ll_scan_on_disk(const struct ll_run *r, const char *bucket, const char *key)
{
	struct stat st;
	char *path;
	int ok;

	if (strchr(bucket, '/') != NULL || bucket[0] == '.' ||
	    key[0] == '/' || strncmp(key, "../", 3) == 0 ||
	    strstr(key, "/../") != NULL || strcmp(key, "..") == 0)
		return 0;
	path = xasprintf("%s/%s/%s", r->store, bucket, key);
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

static int
objcmp(const void *a, const void *b)
{
	const struct ll_obj *x = a, *y = b;
	int c;

	if ((c = strcmp(x->region, y->region)) != 0)
		return c;
	return strcmp(x->key, y->key);
}

/* Checks the gathered account, one region at a time, and forgets it. */
static void
flush(struct account *a)
{
	struct ll_group g;
	size_t i, j;

	if (a->acctdir == NULL)
		return;
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
		ll_trail_check(&g);
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
other(struct account *a, const char *key, const char *path)
{
	struct ll_mrec *m;

	m = ll_manifest_get(&a->run->man, a->bucket, key);
	if (m != NULL)
		m->seen = 1;
	ll_report_object(a->bucket, key, path, K_OTHER,
	    m != NULL ? m->sha : NULL, ST_UNCOVERED, NULL);
}

/* One stored object: gathered with its account, or reported as other. */
static void
object(struct account *a, const char *key)
{
	struct ll_s3key k;
	struct ll_obj *ob;
	char *path;
	size_t n, len = strlen(key);

	path = xasprintf("%s/%s/%s", a->run->store, a->bucket, key);
	ll_s3key_parse(key, len, &k);
	if ((strcmp(k.kind, "cloudtrail") != 0 &&
	    strcmp(k.kind, "cloudtrail-digest") != 0) ||
	    (n = acctdir_len(key, len)) == 0) {
		other(a, key, path);
		free(path);
		return;
	}
	if (a->acctdir != NULL && (strlen(a->acctdir) != n ||
	    memcmp(a->acctdir, key, n) != 0))
		flush(a);
	if (a->acctdir == NULL) {
		a->acctdir = xstrndup(key, n);
		a->k = k;
	}
	if (a->n == a->cap) {
		a->cap = a->cap * 2 + 64;
		a->objs = xreallocarray(a->objs, a->cap, sizeof(*a->objs));
	}
	ob = &a->objs[a->n++];
	ob->key = xstrdup(key);
	ob->path = path;
	ob->digest = strcmp(k.kind, "cloudtrail-digest") == 0;
	memcpy(ob->region, k.region, sizeof(ob->region));
}

static int
namecmp(const struct dirent **x, const struct dirent **y)
{
	return strcmp((*x)->d_name, (*y)->d_name);
}

static int
year_of(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	return s[4] == '\0' ? atoi(s) : -1;
}

static void	walk(struct account *, const char *, int);

/* Below a year directory: only the days of the window. */
static void
days(struct account *a, const char *rel, int year)
{
	struct stat st;
	char day[11], *dir, *path;
	int64_t d;

	for (d = a->from; d <= a->to; d++) {
		ll_isotime_day(d * 86400000LL, day);
		if (atoi(day) != year)
			continue;
		dir = xasprintf("%s/%.2s/%.2s", rel, day + 5, day + 8);
		path = xasprintf("%s/%s/%s", a->run->store, a->bucket, dir);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			walk(a, dir, 0);
		free(path);
		free(dir);
	}
}

/*
 * Walks REL below the bucket.  PRUNE: a window applies and no date
 * level has been met yet, so files here are outside any day.
 */
static void
walk(struct account *a, const char *rel, int prune)
{
	struct dirent **ents;
	struct stat st;
	char *dir, *path, *r;
	int i, n, year;

	dir = rel[0] == '\0' ? xasprintf("%s/%s", a->run->store, a->bucket) :
	    xasprintf("%s/%s/%s", a->run->store, a->bucket, rel);
	if ((n = scandir(dir, &ents, NULL, namecmp)) == -1) {
		warn("%s", dir);
		ll_fail(LL_EXIT_IO);
		free(dir);
		return;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(ents[i]->d_name, ".") == 0 ||
		    strcmp(ents[i]->d_name, "..") == 0) {
			free(ents[i]);
			continue;
		}
		r = rel[0] == '\0' ? xstrdup(ents[i]->d_name) :
		    xasprintf("%s/%s", rel, ents[i]->d_name);
		path = xasprintf("%s/%s", dir, ents[i]->d_name);
		year = year_of(ents[i]->d_name);
		if (lstat(path, &st) == -1) {
			warn("%s", path);
			ll_fail(LL_EXIT_IO);
		} else if (S_ISDIR(st.st_mode) && prune && year >= 0)
			days(a, r, year);
		else if (S_ISDIR(st.st_mode))
			walk(a, r, prune);
		else if (!S_ISREG(st.st_mode)) {
			warnx("%s: not a regular file or directory; skipped",
			    path);
			ll_stats_add("not_regular", 1);
		} else if (prune)
			ll_stats_add("above_date_level", 1);
		else
			object(a, r);
		free(path);
		free(r);
		free(ents[i]);
	}
	free(ents);
	free(dir);
}

/* Walks every bucket directory of the store, in byte order. */
void
ll_scan_store(struct ll_run *r)
{
	struct account a;
	struct dirent **ents;
	struct stat st;
	char *dir;
	time_t now = time(NULL);
	int i, n;

	memset(&a, 0, sizeof(a));
	a.run = r;
	if (r->have_from) {
		a.from = r->from / 86400;
		a.to = ((r->have_until && r->until > now) ? r->until : now) /
		    86400 + 1;
	}
	if ((n = scandir(r->store, &ents, NULL, namecmp)) == -1)
		err(LL_EXIT_IO, "%s", r->store);
	for (i = 0; i < n; i++) {
		dir = xasprintf("%s/%s", r->store, ents[i]->d_name);
		/* Dot names are ll-fetch's temporary files, never a bucket. */
		if (ents[i]->d_name[0] != '.' && lstat(dir, &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			a.bucket = ents[i]->d_name;
			walk(&a, "", r->have_from);
			flush(&a);
		}
		free(dir);
		free(ents[i]);
	}
	free(ents);
	free(a.objs);
}
