/*
 * ll-replace publishes files that are rebuilt whole each run (the
 * session review's one file a day) to partitions of a lake on S3.
 * Each input record names a partition and the file that is now all of
 * it.  The file goes up write-once (lib/aws/upload.h) under a name
 * made of its content's SHA-256, so the same bytes land on the same
 * key and a re-run uploads nothing; only once it is there are the
 * partition's other objects of that name pattern deleted.  A record
 * without a file empties the partition of them.  A killed run leaves
 * the old object, the new one, or both for a moment, never a partial
 * one.  Objects that do not fit the pattern are left alone and named.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "aws/engine.h"
#include "aws/s3.h"
#include "aws/s3del.h"
#include "aws/s3list.h"
#include "aws/upload.h"
#include "excerpt.h"
#include "io/hash.h"
#include "io/out.h"
#include "io/reader.h"
#include "json/jbuf.h"
#include "json/json.h"
#include "json/lex.h"
#include "lake/hive.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

#define HEXLEN		16	/* hex digits of SHA-256 in a name */
#define STALE_UPLOAD	86400	/* seconds before another's is ours */

static const struct ll_opt opts[] = {
	{ 'B', "backoff", "MS", "first retry after about MS (200)", 0 },
	{ 'j', "jobs", "N", "requests at once (default 4)", 0 },
	{ 'L', "location", "URL", "where readers find the tables (default "
	    "-o)", 0 },
	{ 'n', "name", "PATTERN", "objects' names, * for the hash "
	    "(part-*.json.gz)", 0 },
	{ 'o', "output", "URL", "the lake, s3://BUCKET/PREFIX/ (required)",
	    0 },
	{ 'v', "verbose", NULL, "log each request and retry", 0 },
	{ 'W', "timeout", "SECS", "a stalled request fails after SECS (30)",
	    0 },
	{ 'X', "multipart", "SIZE", "files over SIZE go in parts (64M)", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-replace [-huVv] [-B ms] [-j jobs] [-L url] [-n pattern] "
	    "[-r file]\n"
	    "                  [-S file] [-W secs] [-X size] "
	    "-o s3://bucket/prefix/\n"
	    "                  [file ...]",
	"Replace whole partitions on S3: upload write-once, then delete the "
	    "old.",
	"rSu", opts,
	"  ll-replace -n 'part-review-*.json.gz' -o s3://lake/rr/ "
	    "days.ndjson"
};

struct rep {
	char		*bucket, *prefix;	/* PREFIX is "" or ends in / */
	const char	*location;
	const char	*head, *tail;	/* the pattern around its "*" */
	size_t		 headlen, taillen;
	struct ll_engine_opts eo;
	struct ll_s3conf conf;
	struct ll_engine *engine;
	struct ll_uploader up;
	json_t		*swept;		/* tables whose stale uploads went */
};

/* Is NAME, N bytes, HEAD, HEXLEN lowercase hex digits, TAIL? */
static int
ours(const struct rep *r, const char *name, size_t n)
{
	size_t i;

	if (n != r->headlen + HEXLEN + r->taillen ||
	    memcmp(name, r->head, r->headlen) != 0 ||
	    memcmp(name + r->headlen + HEXLEN, r->tail, r->taillen) != 0)
		return 0;
	for (i = r->headlen; i < r->headlen + HEXLEN; i++)
		if (!((name[i] >= '0' && name[i] <= '9') ||
		    (name[i] >= 'a' && name[i] <= 'f')))
			return 0;
	return 1;
}

/* The sweep's test wants a function of the key alone. */
static const struct rep *sweeping;

static int
ours_key(const char *key, size_t n)
{
	size_t off = n;

	while (off > 0 && key[off - 1] != '/')
		off--;
	return ours(sweeping, key + off, n - off);
}

/* The partition's path (k=v/k=v) from a "partition" object; or NULL. */
static char *
partition_path(json_t *part)
{
	struct ll_jbuf b, q;
	struct ll_jval v;
	const char *k;
	json_t *val;
	char *rel;

	if (!json_is_object(part) || json_object_size(part) == 0)
		return NULL;
	memset(&b, 0, sizeof(b));
	memset(&q, 0, sizeof(q));
	json_object_foreach(part, k, val) {
		if (!json_is_string(val) || *k == '\0' || strchr(k, '/') ||
		    strchr(k, '=') || json_string_length(val) !=
		    strlen(json_string_value(val)))
			goto bad;
		/* ll_hive_add reads a JSON string's bytes between quotes. */
		q.len = 0;
		ll_jbuf_addc(&q, '"');
		ll_jbuf_adds(&q, json_string_value(val));
		ll_jbuf_addc(&q, '"');
		v.p = q.p;
		v.n = q.len;
		v.type = LL_JSTR;
		v.esc = 0;
		if (ll_hive_add(&b, k, &v) == -1)
			goto bad;
	}
	ll_jbuf_addc(&b, '\0');
	rel = xstrdup(b.p);
	ll_jbuf_free(&b);
	ll_jbuf_free(&q);
	return rel;
bad:
	ll_jbuf_free(&b);
	ll_jbuf_free(&q);
	return NULL;
}

/* The first HEXLEN hex digits of PATH's SHA-256; -1 if it cannot be read. */
static int
content_hex(const char *path, char hex[HEXLEN + 1])
{
	char sha[65], md5[33];
	int fd, r;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	r = ll_hash_file(fd, sha, md5);
	close(fd);
	if (r == -1)
		return -1;
	memcpy(hex, sha, HEXLEN);
	hex[HEXLEN] = '\0';
	return 0;
}

static void
up_done(struct ll_upload *u)
{
	*(int *)u->arg = 1;
}

/* Uploads PATH to KEY write-once; "stored", "present", or NULL. */
static const char *
upload(struct rep *r, const char *path, const char *key, const char *what,
    const char *name, uintmax_t lineno)
{
	struct ll_upload u;
	const char *st = NULL;
	int done = 0;

	memset(&u, 0, sizeof(u));
	u.u = &r->up;
	u.bucket = r->bucket;
	u.key = key;
	u.keylen = strlen(key);
	u.what = what;
	u.path = path;
	u.done = up_done;
	u.arg = &done;
	ll_upload_file(&u);
	while (!done)
		ll_engine_step(r->engine, NULL, 0, 500);
	/* A file changed since it was hashed would lie about its name. */
	if ((u.result == LL_UP_STORED || u.result == LL_UP_PRESENT) &&
	    strncmp(u.sha, strrchr(key, '/') + 1 + r->headlen, HEXLEN) != 0) {
		ll_warnx_at(name, lineno, "%s: %s changed while it was "
		    "uploaded; the object's name is not its content's",
		    what, path);
		ll_stats_add("upload_failures", 1);
		ll_upload_free(&u);
		return NULL;
	}
	switch (u.result) {
	case LL_UP_STORED:
		st = "stored";
		ll_stats_add("objects_uploaded", 1);
		ll_stats_add("bytes_uploaded", (uintmax_t)u.size);
		break;
	case LL_UP_PRESENT:
		st = "present";
		ll_stats_add("objects_present", 1);
		break;
	case LL_UP_CONFLICT:
		ll_warnx_at(name, lineno, "%s: conflict: %s; not overwritten",
		    what, u.msg);
		ll_stats_add("upload_conflicts", 1);
		break;
	case LL_UP_FAILED:
		ll_warnx_at(name, lineno, "%s: %s", what, u.msg);
		ll_stats_add("upload_failures", 1);
		break;
	}
	ll_upload_free(&u);
	return st;
}

/* A listing page, waited for. */
struct page {
	struct ll_xfer	 x;
	struct ll_s3list *doc;
	int		 done;
};

static void
p_begin(struct ll_xfer *x)
{
	struct page *p = x->arg;

	ll_s3list_free(p->doc);
	if ((p->doc = ll_s3list_new()) == NULL)
		errx(LL_EXIT_IO, "out of memory");
}

static int
p_body(struct ll_xfer *x, const char *buf, size_t n)
{
	struct page *p = x->arg;

	(void)ll_s3list_feed(p->doc, buf, n, 0);
	return 0;
}

static enum ll_xverdict
p_check(struct ll_xfer *x)
{
	struct page *p = x->arg;

	if (ll_s3list_feed(p->doc, "", 0, 1) == 0)
		return LL_X_OK;
	snprintf(x->msg, sizeof(x->msg), "bad listing: %s",
	    ll_s3list_error(p->doc));
	return LL_X_RETRY;
}

static void
p_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct page *p = x->arg;

	p->done = v == LL_X_OK ? 1 : -1;
}

static const struct ll_xfer_ops page_ops = { p_begin, p_body, p_check,
	p_done, NULL };

/*
 * Deletes the objects of ours directly under PFX but KEEP (NULL: all);
 * says which others are there.  Returns how many went, or -1 when the
 * listing or a deletion failed.
 */
static long
prune(struct rep *r, const char *pfx, const char *keep, const char *name,
    uintmax_t lineno)
{
	const struct ll_s3obj *o;
	struct page p;
	char *token = NULL, *what, msg[1024], ebuf[LL_EXCERPT_BUF];
	size_t i, plen = strlen(pfx);
	long n = 0;
	int bad = 0;

	what = xasprintf("s3://%s/%s", r->bucket, pfx);
	memset(&p, 0, sizeof(p));
	do {
		p.done = 0;
		p.x.ops = &page_ops;
		p.x.arg = &p;
		p.x.what = what;
		p.x.bucket = r->bucket;
		p.x.sendfd = -1;
		p.x.url = ll_s3_list_url(&r->conf, r->bucket, pfx, plen, 1,
		    token, NULL);
		ll_engine_add(r->engine, &p.x);
		while (p.done == 0)
			ll_engine_step(r->engine, NULL, 0, 500);
		free(token);
		token = NULL;
		if (p.done == -1) {
			ll_warnx_at(name, lineno, "%s: cannot list: %s", what,
			    p.x.msg);
			bad = 1;
			break;
		}
		for (i = 0; i < ll_s3list_nobjects(p.doc); i++) {
			o = ll_s3list_object(p.doc, i);
			if (o->keylen <= plen || memcmp(o->key, pfx, plen) != 0 ||
			    memchr(o->key + plen, '/', o->keylen - plen) != NULL)
				continue;
			if (!ours(r, o->key + plen, o->keylen - plen)) {
				/* A key may hold any byte: shown escaped. */
				ll_msg("s3://%s/%s: not one of ours; left "
				    "alone", r->bucket, ll_excerpt(ebuf,
				    sizeof(ebuf), o->key, o->keylen));
				ll_stats_add("objects_left_alone", 1);
				continue;
			}
			if (keep != NULL && strlen(keep) == o->keylen &&
			    memcmp(keep, o->key, o->keylen) == 0)
				continue;
			if (ll_s3_delete(r->engine, &r->conf, r->bucket, o->key,
			    o->keylen, msg, sizeof(msg)) == -1) {
				ll_warnx_at(name, lineno, "s3://%s/%.*s: cannot "
				    "delete: %s", r->bucket, (int)o->keylen,
				    o->key, msg);
				ll_stats_add("delete_failures", 1);
				bad = 1;
				continue;
			}
			ll_stats_add("objects_deleted", 1);
			n++;
		}
		if (ll_s3list_truncated(p.doc) && ll_s3list_token(p.doc) != NULL)
			token = xstrdup(ll_s3list_token(p.doc));
	} while (token != NULL);
	ll_s3list_free(p.doc);
	free(what);
	return bad ? -1 : n;
}

/* Aborts, once a table, the multipart uploads killed runs left in it. */
static void
sweep(struct rep *r, const char *table)
{
	char *tp;

	if (json_object_get(r->swept, table) != NULL)
		return;
	json_object_set_new(r->swept, table, json_true());
	tp = xasprintf("%s%s/", r->prefix, table);
	sweeping = r;
	ll_mpu_sweep(&r->up, r->bucket, tp, ours_key, STALE_UPLOAD);
	free(tp);
}

/*
 * One record: its file up (if any), then the partition's other objects
 * of ours gone; written out for ll-register once all that is done.
 */
static void
replace(void *arg, const char *name, uintmax_t lineno, const char *line,
    size_t len)
{
	struct rep *r = arg;
	json_error_t jerr;
	json_t *rec, *part, *file, *tbl, *out;
	const char *table, *path = NULL, *st = "emptied";
	char *rel = NULL, *pfx = NULL, *key = NULL, *what = NULL, *loc;
	char hex[HEXLEN + 1];
	long n;

	if ((rec = ll_json_parse(line, len, &jerr)) == NULL) {
		ll_warnx_at(name, lineno, "invalid JSON: %s", jerr.text);
		ll_reject(LL_R_INVALID_JSON, line, len);
		return;
	}
	tbl = json_object_get(rec, "table");
	part = json_object_get(rec, "partition");
	file = json_object_get(rec, "file");
	table = json_string_value(tbl);
	if (table == NULL || *table == '\0' || strchr(table, '/') != NULL ||
	    strlen(table) != json_string_length(tbl) ||
	    (!json_is_null(file) && !json_is_string(file)) ||
	    (rel = partition_path(part)) == NULL) {
		ll_warnx_at(name, lineno, "not a partition to replace: needs "
		    "\"table\", \"partition\" with string values, and "
		    "\"file\" (a path or null)");
		ll_reject(LL_R_BAD_RECORD, line, len);
		json_decref(rec);
		return;
	}
	path = json_string_value(file);
	pfx = xasprintf("%s%s/%s/", r->prefix, table, rel);
	sweep(r, table);
	if (path != NULL) {
		if (content_hex(path, hex) == -1) {
			ll_warnx_at(name, lineno, "%s: %s", path,
			    strerror(errno));
			ll_fail(LL_EXIT_IO);
			goto done;
		}
		key = xasprintf("%s%.*s%s%s", pfx, (int)r->headlen, r->head,
		    hex, r->tail);
		what = xasprintf("s3://%s/%s", r->bucket, key);
		if ((st = upload(r, path, key, what, name, lineno)) == NULL) {
			ll_fail(LL_EXIT_REMOTE);
			goto done;
		}
	}
	if ((n = prune(r, pfx, key, name, lineno)) == -1) {
		ll_fail(LL_EXIT_REMOTE);
		goto done;
	}
	loc = ll_hive_location(r->location, table, rel);
	out = json_pack("{s:O, s:O, s:s, s:i, s:s?, s:s, s:i}", "table", tbl,
	    "partition", part, "location", loc, "files", path != NULL,
	    "object", what, "status", st, "deleted", (json_int_t)n);
	ll_out_json(out);
	json_decref(out);
	free(loc);
done:
	free(what);
	free(key);
	free(pfx);
	free(rel);
	json_decref(rec);
}

/* -o: the bucket, and the prefix ending in "/". */
static void
set_output(struct rep *r, const char *url)
{
	char *key;
	size_t n;

	if (strncmp(url, "s3://", 5) != 0 ||
	    ll_s3_split(url, &r->bucket, &key) == -1 ||
	    !ll_s3_bucket_ok(r->bucket))
		errx(LL_EXIT_USAGE, "--output: %s: not s3://BUCKET/PREFIX/",
		    url);
	n = strlen(key);
	r->prefix = n == 0 || key[n - 1] == '/' ? xstrdup(key) :
	    xasprintf("%s/", key);
	free(key);
}

/* -n: one "*", and no "/". */
static void
set_pattern(struct rep *r, const char *pat)
{
	const char *star = strchr(pat, '*');

	if (star == NULL || strchr(star + 1, '*') != NULL ||
	    strchr(pat, '/') != NULL || strcmp(pat, "*") == 0)
		errx(LL_EXIT_USAGE, "--name: %s: needs one \"*\" (the hash) "
		    "and more, and no \"/\"", pat);
	r->head = pat;
	r->headlen = (size_t)(star - pat);
	r->tail = star + 1;
	r->taillen = strlen(r->tail);
}

int
main(int argc, char *argv[])
{
	struct rep r;
	const char *arg, *url = NULL;
	long long partsize = 64LL << 20;
	int ch, i;

	ll_init(argv[0]);
	memset(&r, 0, sizeof(r));
	r.eo.jobs = 4;
	r.eo.retries = 5;
	r.eo.backoff_ms = 200;
	r.eo.timeout_s = 30;
	set_pattern(&r, "part-*.json.gz");
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'B':
			r.eo.backoff_ms = (long)ll_opt_num("--backoff", arg, 1,
			    60000);
			break;
		case 'j':
			r.eo.jobs = (int)ll_opt_num("--jobs", arg, 1, 1024);
			break;
		case 'L':
			r.location = arg;
			break;
		case 'n':
			set_pattern(&r, arg);
			break;
		case 'o':
			url = arg;
			break;
		case 'v':
			r.eo.verbose = 1;
			break;
		case 'W':
			r.eo.timeout_s = (long)ll_opt_num("--timeout", arg, 1,
			    3600);
			break;
		case 'X':
			partsize = ll_opt_size("--multipart", arg);
			if (partsize < LL_UPLOAD_MINPART)
				errx(LL_EXIT_USAGE, "--multipart: %s: below "
				    "S3's 5 MiB part", arg);
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	argc -= optind;
	argv += optind;
	if (url == NULL)
		errx(LL_EXIT_USAGE, "--output (-o) is required");
	set_output(&r, url);
	if (r.location == NULL || *r.location == '\0')
		r.location = url;
	ll_s3_conf_init(&r.conf, r.eo.verbose ? LL_CREDS_VERBOSE : 0);
	r.engine = ll_engine_new(&r.eo, &r.conf);
	r.up.engine = r.engine;
	r.up.conf = &r.conf;
	r.up.partsize = partsize;
	r.up.copypart = LL_UPLOAD_MAXCOPY;
	r.swept = json_object();
	ll_stats_add("objects_uploaded", 0);
	ll_stats_add("objects_present", 0);
	ll_stats_add("objects_deleted", 0);
	ll_stats_add("objects_left_alone", 0);
	if (argc == 0)
		ll_reader_file("-", LL_READER_EMPTY_QUIET, replace, &r);
	for (i = 0; i < argc; i++)
		ll_reader_file(argv[i], LL_READER_EMPTY_QUIET, replace, &r);
	json_decref(r.swept);
	ll_engine_free(r.engine);
	ll_s3_conf_free(&r.conf);
	free(r.bucket);
	free(r.prefix);
	return ll_finish();
}
