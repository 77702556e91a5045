/*
 * The listing walk.  On S3 every listing request is a task in the
 * request engine, so prefixes are listed concurrently; a task that
 * finds common prefixes queues more tasks, and a truncated page
 * queues its continuation.  Local directories are walked the same
 * way, synchronously, entries in byte order.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "excerpt.h"
#include "ll.h"
#include "aws/s3.h"
#include "aws/s3list.h"
#include "walk.h"
#include "xalloc.h"
#include "aws/engine.h"

enum mode { FLAT, WALK };

/*
 * The continuation tokens one prefix's listing has been given, as the
 * first 8 bytes of their SHA-256 (a token can be kilobytes; 8 bytes a
 * page keep a listing of millions of objects small): a server that
 * names one twice would have it listed forever.
 */
struct chain {
	uint64_t *ids;
	size_t	  n;
};

struct task {
	struct ll_xfer	 x;
	struct ll_walk	*w;
	char		*bucket;
	char		*prefix;
	size_t		 plen;
	enum mode	 mode;
	char		*token;
	char		*name;
	struct chain	*chain;		/* tokens so far, or NULL */
	struct ll_s3list *doc;
};

static void	task_add(struct ll_walk *, const char *, const char *, size_t,
		    enum mode, const char *, struct chain *);

/* Adds TOKEN to the chain C (made if NULL); -1 if it was there. */
static int
chain_add(struct chain **c, const char *token)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	uint64_t id;
	size_t i;

	if (EVP_Digest(token, strlen(token), md, NULL, EVP_sha256(),
	    NULL) != 1)
		errx(LL_EXIT_IO, "SHA-256 failed");
	memcpy(&id, md, sizeof(id));
	if (*c == NULL)
		*c = xcalloc(1, sizeof(**c));
	for (i = 0; i < (*c)->n; i++)
		if ((*c)->ids[i] == id)
			return -1;
	(*c)->ids = xreallocarray((*c)->ids, (*c)->n + 1,
	    sizeof(*(*c)->ids));
	(*c)->ids[(*c)->n++] = id;
	return 0;
}

static void
chain_free(struct chain *c)
{
	if (c == NULL)
		return;
	free(c->ids);
	free(c);
}

/* The listing of T cannot go on: the server answers in a loop. */
static void LL_PRINTF(2, 3)
looping(struct task *t, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: %s: listing stopped: ", ll_progname, t->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	t->w->failed++;
	ll_fail(LL_EXIT_REMOTE);
}

/* Byte order, as S3 sorts keys. */
static int
keycmp(const char *a, size_t na, const char *b, size_t nb)
{
	int c;

	c = memcmp(a, b, na < nb ? na : nb);
	if (c != 0)
		return c;
	return na < nb ? -1 : na > nb;
}

/* Every key under PREFIX sorts at or before START_AFTER. */
static int
prefix_done(const char *p, size_t n, const char *sa)
{
	size_t nsa;

	if (sa == NULL)
		return 0;
	nsa = strlen(sa);
	if (nsa >= n && memcmp(sa, p, n) == 0)
		return 0;
	return keycmp(sa, nsa, p, n) > 0;
}

static int
year_of(const char *seg, size_t n)
{
	size_t i;

	if (n != 4)
		return -1;
	for (i = 0; i < 4; i++)
		if (seg[i] < '0' || seg[i] > '9')
			return -1;
	return atoi(seg);
}

static void
day_ymd(long day, int *y, int *m, int *d)
{
	struct tm tm;
	time_t t = (time_t)day * 86400;

	gmtime_r(&t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

static void
t_begin(struct ll_xfer *x)
{
	struct task *t = x->arg;

	ll_s3list_free(t->doc);
	if ((t->doc = ll_s3list_new()) == NULL)
		errx(LL_EXIT_IO, "out of memory");
}

static int
t_body(struct ll_xfer *x, const char *buf, size_t n)
{
	struct task *t = x->arg;

	(void)ll_s3list_feed(t->doc, buf, n, 0);
	return 0;
}

static enum ll_xverdict
t_check(struct ll_xfer *x)
{
	struct task *t = x->arg;

	if (ll_s3list_feed(t->doc, "", 0, 1) == -1) {
		snprintf(x->msg, sizeof(x->msg), "bad listing: %s",
		    ll_s3list_error(t->doc));
		return LL_X_RETRY;
	}
	return LL_X_OK;
}

static void
emit_s3(struct task *t, const struct ll_s3obj *o)
{
	struct ll_walk_obj wo;
	size_t nb = strlen(t->bucket);
	char *url;

	url = xmalloc(5 + nb + 1 + o->keylen + 1);
	memcpy(url, "s3://", 5);
	memcpy(url + 5, t->bucket, nb);
	url[5 + nb] = '/';
	memcpy(url + 6 + nb, o->key, o->keylen);
	url[6 + nb + o->keylen] = '\0';
	wo.url = url;
	wo.bucket = t->bucket;
	wo.key = o->key;
	wo.keylen = o->keylen;
	wo.size = o->size;
	wo.etag = o->etag;
	wo.mtime = o->mtime;
	t->w->emit(t->w->arg, &wo);
	free(url);
}

/* Queues the YYYY/MM/DD/ prefixes of the window that fall in YEAR. */
static void
add_days(struct ll_walk *w, const char *bucket, const char *p, size_t n,
    int year)
{
	char *dp;
	long day;
	int y, m, d;

	for (day = w->from; day <= w->to; day++) {
		day_ymd(day, &y, &m, &d);
		if (y != year)
			continue;
		dp = xasprintf("%.*s%02d/%02d/", (int)n, p, m, d);
		if (!prefix_done(dp, strlen(dp), w->start_after))
			task_add(w, bucket, dp, strlen(dp), FLAT, NULL, NULL);
		free(dp);
	}
}

static void
page(struct task *t)
{
	struct ll_walk *w = t->w;
	const struct ll_s3obj *o;
	const char *p, *seg;
	char e[LL_EXCERPT_BUF];
	size_t i, n, segn;
	int year;

	for (i = 0; i < ll_s3list_nobjects(t->doc); i++) {
		o = ll_s3list_object(t->doc, i);
		if (w->start_after != NULL && keycmp(o->key, o->keylen,
		    w->start_after, strlen(w->start_after)) <= 0)
			continue;
		if (t->mode == WALK)
			w->outside++;
		else
			emit_s3(t, o);
	}
	for (i = 0; i < ll_s3list_nprefixes(t->doc); i++) {
		p = ll_s3list_prefix(t->doc, i, &n);
		/* One not below the prefix asked for would be listed again. */
		if (n <= t->plen || memcmp(p, t->prefix, t->plen) != 0) {
			looping(t, "the server names \"%s\" as a common prefix, "
			    "which is not below the prefix asked for",
			    ll_excerpt(e, sizeof(e), p, n));
			return;
		}
		if (p[n - 1] != '/' || prefix_done(p, n, w->start_after))
			continue;
		for (seg = p + n - 1; seg > p && seg[-1] != '/'; seg--)
			;
		segn = (size_t)(p + n - 1 - seg);
		year = year_of(seg, segn);
		if (year >= 0)
			add_days(w, t->bucket, p, n, year);
		else
			task_add(w, t->bucket, p, n, WALK, NULL, NULL);
	}
	if (ll_s3list_truncated(t->doc)) {
		if (ll_s3list_token(t->doc) == NULL) {
			ll_msg("%s: truncated listing without a continuation "
			    "token", t->name);
			w->failed++;
			ll_fail(LL_EXIT_REMOTE);
		} else if (chain_add(&t->chain, ll_s3list_token(t->doc)) ==
		    -1)
			looping(t, "the server repeats the continuation token "
			    "\"%s\"", ll_excerpt_str(e, sizeof(e),
			    ll_s3list_token(t->doc)));
		else {
			/* The chain goes on with the next page. */
			task_add(w, t->bucket, t->prefix, t->plen, t->mode,
			    ll_s3list_token(t->doc), t->chain);
			t->chain = NULL;
		}
	}
}

static void
t_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct task *t = x->arg;

	if (v == LL_X_OK)
		page(t);
	else {
		ll_msg("%s: listing failed: %s", t->name, x->msg);
		t->w->failed++;
		ll_fail(LL_EXIT_REMOTE);
	}
	ll_s3list_free(t->doc);
	chain_free(t->chain);
	free(t->bucket);
	free(t->prefix);
	free(t->token);
	free(t->name);
	free(t);
}

static const struct ll_xfer_ops task_ops = {
	t_begin, t_body, t_check, t_done, NULL
};

static void
task_add(struct ll_walk *w, const char *bucket, const char *prefix,
    size_t plen, enum mode mode, const char *token, struct chain *chain)
{
	struct task *t;
	const char *sa = NULL;

	t = xcalloc(1, sizeof(*t));
	t->w = w;
	t->bucket = xstrdup(bucket);
	t->prefix = xstrndup(prefix, plen);
	t->plen = plen;
	t->mode = mode;
	t->token = token != NULL ? xstrdup(token) : NULL;
	t->chain = chain;
	t->name = xasprintf("s3://%s/%s", bucket, t->prefix);
	if (mode == FLAT && w->start_after != NULL &&
	    keycmp(w->start_after, strlen(w->start_after), prefix, plen) > 0)
		sa = w->start_after;
	t->x.ops = &task_ops;
	t->x.arg = t;
	t->x.what = t->name;
	t->x.bucket = t->bucket;
	t->x.url = ll_s3_list_url(w->conf, bucket, prefix, plen, mode == WALK,
	    token, sa);
	w->requests++;
	ll_engine_add(w->engine, &t->x);
}

/* Queues the listing of s3://BUCKET/PREFIX; the engine does the rest. */
void
ll_walk_s3(struct ll_walk *w, const char *bucket, const char *prefix)
{
	size_t n = strlen(prefix);

	if (prefix_done(prefix, n, w->start_after))
		return;
	task_add(w, bucket, prefix, n, w->window ? WALK : FLAT, NULL, NULL);
}

struct lwalk {
	struct ll_walk	*w;
	const char	*root;		/* absolute */
	const char	*bucket;
};

static int
namecmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void
emit_local(struct lwalk *lw, const char *rel, const struct stat *st)
{
	struct ll_walk_obj wo;
	struct tm tm;
	char mtime[96], *path, *url;

	path = xasprintf("%s/%s", lw->root, rel);
	url = xasprintf("file://%s", path);
	gmtime_r(&st->st_mtim.tv_sec, &tm);
	snprintf(mtime, sizeof(mtime), "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, st->st_mtim.tv_nsec / 1000000);
	wo.url = url;
	wo.bucket = lw->bucket;
	wo.key = rel;
	wo.keylen = strlen(rel);
	wo.size = (long long)st->st_size;
	wo.etag = NULL;
	wo.mtime = mtime;
	lw->w->emit(lw->w->arg, &wo);
	free(url);
	free(path);
}

static void	local_dir(struct lwalk *, const char *, enum mode);

static void
local_days(struct lwalk *lw, const char *rel, int year)
{
	struct stat st;
	char *dr, *path;
	long day;
	int y, m, d;

	for (day = lw->w->from; day <= lw->w->to; day++) {
		day_ymd(day, &y, &m, &d);
		if (y != year)
			continue;
		dr = xasprintf("%s/%02d/%02d", rel, m, d);
		path = xasprintf("%s/%s", lw->root, dr);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			local_dir(lw, dr, FLAT);
		free(path);
		free(dr);
	}
}

static void
local_dir(struct lwalk *lw, const char *rel, enum mode mode)
{
	struct dirent **ents;
	struct stat st;
	char *path, *r, *pfx;
	const char *sa = lw->w->start_after;
	int i, n, year;

	path = rel[0] == '\0' ? xstrdup(lw->root) :
	    xasprintf("%s/%s", lw->root, rel);
	if ((n = scandir(path, &ents, NULL, namecmp)) == -1) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		free(path);
		return;
	}
	for (i = 0; i < n; i++) {
		year = year_of(ents[i]->d_name, strlen(ents[i]->d_name));
		r = rel[0] == '\0' ? xstrdup(ents[i]->d_name) :
		    xasprintf("%s/%s", rel, ents[i]->d_name);
		if (strcmp(ents[i]->d_name, ".") == 0 ||
		    strcmp(ents[i]->d_name, "..") == 0) {
			free(ents[i]);
			free(r);
			continue;
		}
		free(ents[i]);
		free(path);
		path = xasprintf("%s/%s", lw->root, r);
		if (lstat(path, &st) == -1) {
			warn("%s", path);
			ll_fail(LL_EXIT_IO);
		} else if (S_ISDIR(st.st_mode)) {
			pfx = xasprintf("%s/", r);
			if (prefix_done(pfx, strlen(pfx), sa))
				;
			else if (mode == WALK && year >= 0)
				local_days(lw, r, year);
			else
				local_dir(lw, r, mode);
			free(pfx);
		} else if (!S_ISREG(st.st_mode)) {
			ll_msg("%s: not a regular file or directory; skipped",
			    path);
			ll_stats_add("not_regular", 1);
		} else if (sa != NULL && strcmp(r, sa) <= 0)
			;
		else if (mode == WALK)
			lw->w->outside++;
		else
			emit_local(lw, r, &st);
		free(r);
	}
	free(ents);
	free(path);
}

/* Lists DIR as the root of a bucket named after its last component. */
void
ll_walk_local(struct ll_walk *w, const char *dir)
{
	struct lwalk lw;
	struct stat st;
	char *root, *bucket, *slash;

	if ((root = realpath(dir, NULL)) == NULL || stat(root, &st) == -1) {
		warn("%s", dir);
		ll_fail(LL_EXIT_IO);
		free(root);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		ll_msg("%s: not a directory", dir);
		ll_fail(LL_EXIT_IO);
		free(root);
		return;
	}
	slash = strrchr(root, '/');
	bucket = xstrdup(slash != NULL && slash[1] != '\0' ? slash + 1 :
	    "root");
	lw.w = w;
	lw.root = root;
	lw.bucket = bucket;
	local_dir(&lw, "", w->window ? WALK : FLAT);
	free(bucket);
	free(root);
}
