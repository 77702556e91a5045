/*
 * Uploads run in the request engine while rows are written: the writer
 * turns the engine now and then, and waits only when too many files
 * are in flight.  A listing, a sidecar download or the sweep of stale
 * uploads is waited for: without them de-duplication could not be
 * trusted, so their failure stops the run (exit 4).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <openssl/evp.h>

#include "aws/engine.h"
#include "aws/s3.h"
#include "aws/s3list.h"
#include "aws/upload.h"
#include "io/afile.h"
#include "keyidx.h"
#include "ll.h"
#include "partwrite.h"
#include "publish.h"
#include "xalloc.h"

#define HEXLEN		20		/* part-HASH: 10 bytes of SHA-256 */
#define KEYHDR		16		/* a sidecar's header (keyidx.c) */
#define STALE_UPLOAD	86400		/* seconds before another's is ours */
#define PUMP_EVERY	256		/* rows between turns of the engine */

enum { F_DATA = 1, F_KEYS = 2 };

/* What one partition holds on S3: the hashes of its files. */
struct ll_pubset {
	char		(*hex)[HEXLEN + 1];
	unsigned char	*flags;
	size_t		 n, cap;
};

/* A data file on its way: its sidecar, then itself. */
struct pubfile {
	struct ll_upload up;
	struct ll_publish *pub;
	struct ll_part	*p;
	int		 keys;		/* uploading the sidecar */
	uintmax_t	 rows;
	char		 hex[HEXLEN + 1];
	char		*dpath, *kpath;	/* in the stage */
	char		*dkey, *kkey;	/* on S3 */
	char		*dwhat, *kwhat;
};

int
ll_publish_is_s3(const char *url)
{
	return strncmp(url, "s3://", 5) == 0;
}

/* Is NAME, N bytes, HEXLEN lowercase hex digits? */
static int
is_hex(const char *s, size_t n)
{
	size_t i;

	if (n != HEXLEN)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return 1;
}

/* F_DATA for part-HASH.EXT, F_KEYS for .part-HASH.keys, else 0. */
static int
kind(const char *name, size_t n, const char **hex)
{
	static const char *const ext[] = { ".parquet", ".json.gz" };
	size_t i, e;

	if (n == 6 + HEXLEN + 5 && memcmp(name, ".part-", 6) == 0 &&
	    memcmp(name + 6 + HEXLEN, ".keys", 5) == 0 &&
	    is_hex(name + 6, HEXLEN)) {
		*hex = name + 6;
		return F_KEYS;
	}
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		e = strlen(ext[i]);
		if (n == 5 + HEXLEN + e && memcmp(name, "part-", 5) == 0 &&
		    memcmp(name + 5 + HEXLEN, ext[i], e) == 0 &&
		    is_hex(name + 5, HEXLEN)) {
			*hex = name + 5;
			return F_DATA;
		}
	}
	return 0;
}

/* The sweep's test: is the key's last name one of ours? */
static int
ours(const char *key, size_t n)
{
	const char *hex;
	size_t off = n;

	while (off > 0 && key[off - 1] != '/')
		off--;
	return kind(key + off, n - off, &hex) != 0;
}

/* Makes DIR and its parents, as mkdir -p would. */
static void
mkdirs(const char *dir)
{
	char *p, *s;

	p = xstrdup(dir);
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			err(LL_EXIT_IO, "%s", p);
		*s = '/';
	}
	if (mkdir(p, 0777) == -1 && errno != EEXIST)
		err(LL_EXIT_IO, "%s", p);
	free(p);
}

void
ll_publish_open(struct ll_publish *pub)
{
	char *key, *tprefix;
	size_t n;

	if (ll_s3_split(pub->url, &pub->bucket, &key) == -1 ||
	    !ll_s3_bucket_ok(pub->bucket))
		errx(LL_EXIT_USAGE, "--output: %s: not s3://BUCKET/PREFIX/",
		    pub->url);
	n = strlen(key);
	pub->prefix = n == 0 || key[n - 1] == '/' ? xstrdup(key) :
	    xasprintf("%s/", key);
	free(key);
	ll_s3_conf_init(&pub->conf, pub->eo.verbose ? LL_CREDS_VERBOSE : 0);
	pub->engine = ll_engine_new(&pub->eo, &pub->conf);
	pub->journal = xasprintf("%s/.ll-uploads", pub->stage);
	mkdirs(pub->journal);
	pub->up.engine = pub->engine;
	pub->up.conf = &pub->conf;
	pub->up.partsize = pub->partsize;
	pub->up.copypart = LL_UPLOAD_MAXCOPY;
	pub->up.journal = pub->journal;
	tprefix = xasprintf("%s%s/", pub->prefix, pub->table);
	ll_mpu_sweep(&pub->up, pub->bucket, tprefix, ours, STALE_UPLOAD);
	free(tprefix);
	ll_stats_add("files_uploaded", 0);
	ll_stats_add("files_present", 0);
}

/* The S3 key of NAME in partition REL. */
static char *
key_of(const struct ll_publish *pub, const char *rel, const char *name)
{
	return xasprintf("%s%s/%s/%s", pub->prefix, pub->table, rel, name);
}

static void
set_add(struct ll_pubset *s, const char *hex, int flag)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (memcmp(s->hex[i], hex, HEXLEN) == 0) {
			s->flags[i] |= (unsigned char)flag;
			return;
		}
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 16 : s->cap * 2;
		s->hex = xreallocarray(s->hex, s->cap, sizeof(*s->hex));
		s->flags = xreallocarray(s->flags, s->cap, 1);
	}
	memcpy(s->hex[s->n], hex, HEXLEN);
	s->hex[s->n][HEXLEN] = '\0';
	s->flags[s->n++] = (unsigned char)flag;
}

/* One request waited for: a listing page, or a sidecar download. */
struct call {
	struct ll_xfer	 x;
	struct ll_s3list *doc;		/* a listing */
	struct ll_afile	 af;		/* a download, into the stage */
	FILE		*fp;
	EVP_MD_CTX	*md;
	long long	 got;
	const char	*hex;		/* the name the sidecar's keys hash to */
	int		 done;
};

static void
c_begin(struct ll_xfer *x)
{
	struct call *c = x->arg;

	if (c->fp == NULL) {
		ll_s3list_free(c->doc);
		if ((c->doc = ll_s3list_new()) == NULL)
			errx(LL_EXIT_IO, "out of memory");
		return;
	}
	rewind(c->fp);
	if (ftruncate(fileno(c->fp), 0) == -1)
		err(LL_EXIT_IO, "%s", c->af.tmp);
	if (EVP_DigestInit_ex(c->md, EVP_sha256(), NULL) != 1)
		errx(LL_EXIT_IO, "OpenSSL: cannot start a digest");
	c->got = 0;
}

static int
c_body(struct ll_xfer *x, const char *buf, size_t n)
{
	struct call *c = x->arg;
	size_t skip;

	if (c->fp == NULL) {
		(void)ll_s3list_feed(c->doc, buf, n, 0);
		return 0;
	}
	if (fwrite(buf, 1, n, c->fp) != n) {
		snprintf(x->msg, sizeof(x->msg), "%s: %s", c->af.tmp,
		    strerror(errno));
		return -1;
	}
	skip = c->got < KEYHDR ? (size_t)(KEYHDR - c->got) : 0;
	if (skip < n && EVP_DigestUpdate(c->md, buf + skip, n - skip) != 1)
		errx(LL_EXIT_IO, "OpenSSL: digest failed");
	c->got += (long long)n;
	return 0;
}

/* A listing parses; a sidecar's keys hash to its name. */
static enum ll_xverdict
c_check(struct ll_xfer *x)
{
	struct call *c = x->arg;
	unsigned char d[EVP_MAX_MD_SIZE];
	char hex[HEXLEN + 1];
	int i;

	if (c->fp == NULL) {
		if (ll_s3list_feed(c->doc, "", 0, 1) == 0)
			return LL_X_OK;
		snprintf(x->msg, sizeof(x->msg), "bad listing: %s",
		    ll_s3list_error(c->doc));
		return LL_X_RETRY;
	}
	if (EVP_DigestFinal_ex(c->md, d, NULL) != 1)
		errx(LL_EXIT_IO, "OpenSSL: digest failed");
	for (i = 0; i < HEXLEN / 2; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	if (c->got >= KEYHDR && memcmp(hex, c->hex, HEXLEN) == 0)
		return LL_X_OK;
	snprintf(x->msg, sizeof(x->msg), "its keys do not hash to its name");
	return LL_X_RETRY;
}

static void
c_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct call *c = x->arg;

	c->done = v == LL_X_OK ? 1 : -1;
}

static const struct ll_xfer_ops call_ops = { c_begin, c_body, c_check,
	c_done, NULL };

static void
wait_for(struct ll_publish *pub, struct call *c, const char *what,
    char *url)
{
	c->done = 0;
	c->x.ops = &call_ops;
	c->x.arg = c;
	c->x.what = what;
	c->x.bucket = pub->bucket;
	c->x.sendfd = -1;
	c->x.url = url;
	ll_engine_add(pub->engine, &c->x);
	while (c->done == 0)
		ll_engine_step(pub->engine, NULL, 0, 500);
	if (c->done == -1)
		errx(LL_EXIT_REMOTE, "%s: %s", what, c->x.msg);
}

/* Lists what partition P holds on S3 into its set. */
static void
list_part(struct ll_publish *pub, struct ll_part *p)
{
	const struct ll_s3obj *o;
	struct call c;
	char *pfx, *what, *token = NULL;
	const char *hex;
	size_t i, plen;
	int k;

	pfx = key_of(pub, p->rel, "");
	plen = strlen(pfx);
	what = xasprintf("s3://%s/%s", pub->bucket, pfx);
	memset(&c, 0, sizeof(c));
	do {
		wait_for(pub, &c, what, ll_s3_list_url(&pub->conf, pub->bucket,
		    pfx, plen, 0, token, NULL));
		for (i = 0; i < ll_s3list_nobjects(c.doc); i++) {
			o = ll_s3list_object(c.doc, i);
			if (o->keylen > plen && memcmp(o->key, pfx, plen) == 0 &&
			    (k = kind(o->key + plen, o->keylen - plen,
			    &hex)) != 0)
				set_add(p->remote, hex, k);
		}
		free(token);
		token = ll_s3list_truncated(c.doc) &&
		    ll_s3list_token(c.doc) != NULL ?
		    xstrdup(ll_s3list_token(c.doc)) : NULL;
	} while (token != NULL);
	ll_s3list_free(c.doc);
	free(what);
	free(pfx);
}

/* Brings sidecar .part-HEX.keys of partition P from S3 into the stage. */
static void
fetch_keys(struct ll_publish *pub, struct ll_part *p, const char *hex)
{
	struct call c;
	char *name, *path, *key, *what;

	name = xasprintf(".part-%s.keys", hex);
	path = xasprintf("%s/%s", p->dir, name);
	key = key_of(pub, p->rel, name);
	what = xasprintf("s3://%s/%s", pub->bucket, key);
	memset(&c, 0, sizeof(c));
	c.hex = hex;
	if ((c.md = EVP_MD_CTX_new()) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	c.fp = ll_afile_open(&c.af, path);
	wait_for(pub, &c, what, ll_s3_object_url(&pub->conf, pub->bucket, key,
	    strlen(key)));
	if (ll_afile_commit(&c.af) == -1)
		err(LL_EXIT_IO, "%s", path);
	EVP_MD_CTX_free(c.md);
	ll_stats_add("sidecars_fetched", 1);
	free(what);
	free(key);
	free(path);
	free(name);
}

/*
 * Before partition P's sidecars are loaded: what its S3 folder holds,
 * once a run, and the sidecars of S3's files the stage lacks.  A data
 * file without a sidecar (not one of ours, or damaged) is reported:
 * its rows cannot be known, so they are not de-duplicated against.
 */
void
ll_publish_remote(struct ll_publish *pub, struct ll_part *p)
{
	struct ll_pubset *s;
	char *path;
	size_t i;

	if (p->remote != NULL)
		return;
	s = p->remote = xcalloc(1, sizeof(*p->remote));
	list_part(pub, p);
	for (i = 0; i < s->n; i++) {
		if (s->flags[i] == F_DATA) {
			ll_msg("s3://%s/%s%s/%s/part-%s.*: no key sidecar; its "
			    "rows are not de-duplicated against", pub->bucket,
			    pub->prefix, pub->table, p->rel, s->hex[i]);
			ll_stats_add("files_without_keys", 1);
			continue;
		}
		if (s->flags[i] != (F_DATA | F_KEYS))
			continue;
		path = xasprintf("%s/.part-%s.keys", p->dir, s->hex[i]);
		if (access(path, F_OK) == -1 && errno == ENOENT)
			fetch_keys(pub, p, s->hex[i]);
		free(path);
	}
}

/* ll_partkeys' question: is the data file of sidecar HEX on S3? */
int
ll_publish_has(void *arg, const char *hex, size_t n)
{
	struct ll_part *p = arg;
	size_t i;

	if (p->remote == NULL || n != HEXLEN)
		return 0;
	for (i = 0; i < p->remote->n; i++)
		if (memcmp(p->remote->hex[i], hex, HEXLEN) == 0)
			return (p->remote->flags[i] & F_DATA) != 0;
	return 0;
}

static void
file_free(struct pubfile *f)
{
	free(f->dpath);
	free(f->kpath);
	free(f->dkey);
	free(f->kkey);
	free(f->dwhat);
	free(f->kwhat);
	free(f);
}

static void
start(struct pubfile *f)
{
	f->up.key = f->keys ? f->kkey : f->dkey;
	f->up.keylen = strlen(f->up.key);
	f->up.path = f->keys ? f->kpath : f->dpath;
	f->up.what = f->keys ? f->kwhat : f->dwhat;
	ll_upload_file(&f->up);
}

/* One upload ended: the sidecar's starts the file's. */
static void
uploaded(struct ll_upload *u)
{
	struct pubfile *f = u->arg;
	struct ll_part *p = f->p;

	switch (u->result) {
	case LL_UP_STORED:
	case LL_UP_PRESENT:
		ll_stats_add(u->result == LL_UP_STORED ? "files_uploaded" :
		    "files_present", 1);
		if (f->keys) {
			f->keys = 0;
			start(f);
			return;
		}
		if (unlink(f->dpath) == -1 && errno != ENOENT)
			err(LL_EXIT_IO, "%s", f->dpath);
		/* A later load of the partition finds its keys by this. */
		if (p->remote != NULL)
			set_add(p->remote, f->hex, F_DATA | F_KEYS);
		ll_stats_add("bytes_uploaded", u->result == LL_UP_STORED ?
		    (uintmax_t)u->size : 0);
		p->sent++;
		break;
	case LL_UP_CONFLICT:
		ll_msg("%s: conflict: %s; not overwritten", u->what, u->msg);
		ll_stats_add("upload_conflicts", 1);
		p->failed++;
		ll_fail(LL_EXIT_REMOTE);
		break;
	case LL_UP_FAILED:
		ll_msg("%s: %s", u->what, u->msg);
		ll_stats_add("upload_failures", 1);
		p->failed++;
		ll_fail(LL_EXIT_REMOTE);
		break;
	}
	p->pending--;
	f->pub->inflight--;
	file_free(f);
}

/* Turns the engine without waiting, every so many calls. */
void
ll_publish_pump(struct ll_publish *pub)
{
	if (pub->inflight > 0 && ++pub->turns % PUMP_EVERY == 0)
		ll_engine_step(pub->engine, NULL, 0, 0);
}

/*
 * Queues the upload of partition P's data file part-HEX.EXT (ROWS
 * rows) and its sidecar, both in the stage; waits while too many are
 * in flight.
 */
void
ll_publish_file(struct ll_publish *pub, struct ll_part *p, const char *hex,
    const char *ext, uintmax_t rows)
{
	struct pubfile *f;
	char *dname, *kname;

	f = xcalloc(1, sizeof(*f));
	f->pub = pub;
	f->p = p;
	f->rows = rows;
	f->keys = 1;
	snprintf(f->hex, sizeof(f->hex), "%s", hex);
	dname = xasprintf("part-%s%s", hex, ext);
	kname = xasprintf(".part-%s.keys", hex);
	f->dpath = xasprintf("%s/%s", p->dir, dname);
	f->kpath = xasprintf("%s/%s", p->dir, kname);
	f->dkey = key_of(pub, p->rel, dname);
	f->kkey = key_of(pub, p->rel, kname);
	f->dwhat = xasprintf("s3://%s/%s", pub->bucket, f->dkey);
	f->kwhat = xasprintf("s3://%s/%s", pub->bucket, f->kkey);
	free(dname);
	free(kname);
	f->up.u = &pub->up;
	f->up.bucket = pub->bucket;
	f->up.done = uploaded;
	f->up.arg = f;
	p->pending++;
	pub->inflight++;
	start(f);
	while (pub->inflight >= (unsigned)pub->eo.jobs * 4)
		ll_engine_step(pub->engine, NULL, 0, 500);
	ll_engine_step(pub->engine, NULL, 0, 0);
}

/* Waits for every upload to end. */
void
ll_publish_finish(struct ll_publish *pub)
{
	while (pub->inflight > 0)
		ll_engine_step(pub->engine, NULL, 0, 500);
}

/* Hive escapes partition values as %XX (lib/lake/hive.c). */
static char *
unescape(const char *s, size_t n)
{
	char *o = xmalloc(n + 1), *q = o;
	unsigned v;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '%' && i + 2 < n && sscanf(s + i + 1, "%2x",
		    &v) == 1) {
			*q++ = (char)v;
			i += 2;
		} else
			*q++ = s[i];
	*q = '\0';
	return o;
}

/* The partition values of REL (key=value/key=value). */
static void
values(struct ll_part *p)
{
	const char *s = p->rel, *eq, *end;
	char *k, *v;

	while (*s != '\0') {
		end = strchr(s, '/');
		if (end == NULL)
			end = s + strlen(s);
		if ((eq = memchr(s, '=', (size_t)(end - s))) != NULL) {
			k = xstrndup(s, (size_t)(eq - s));
			v = unescape(eq + 1, (size_t)(end - eq - 1));
			json_object_set_new(p->values, k, json_string(v));
			free(k);
			free(v);
		}
		s = *end == '/' ? end + 1 : end;
	}
}

/* The row count in a sidecar's header; 0 if it cannot be read. */
static uintmax_t
sidecar_rows(const char *path)
{
	unsigned char hdr[KEYHDR];
	uintmax_t n = 0;
	int fd, i;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return 0;
	if (read(fd, hdr, sizeof(hdr)) == (ssize_t)sizeof(hdr))
		for (i = 0; i < 8; i++)
			n = n << 8 | hdr[8 + i];
	close(fd);
	return n;
}

/* A data file left in folder REL of the stage: uploaded now. */
static void
leftover(struct ll_publish *pub, struct ll_partw *w, const char *rel,
    const char *name, const char *hex)
{
	struct ll_part *p;
	struct stat st;
	char *kpath, *dpath, h[HEXLEN + 1];
	uintmax_t rows;

	p = ll_partwrite_get(w, rel);
	if (json_object_size(p->values) == 0)
		values(p);
	kpath = xasprintf("%s/.part-%.*s.keys", p->dir, HEXLEN, hex);
	dpath = xasprintf("%s/%s", p->dir, name);
	if (stat(kpath, &st) == 0 && lstat(dpath, &st) == 0 &&
	    S_ISREG(st.st_mode)) {
		rows = sidecar_rows(kpath);
		p->files++;
		p->records += rows;
		p->bytes += (uintmax_t)st.st_size;
		ll_stats_add("files_resumed", 1);
		memcpy(h, hex, HEXLEN);
		h[HEXLEN] = '\0';
		ll_publish_file(pub, p, h, name + 5 + HEXLEN, rows);
	}
	free(kpath);
	free(dpath);
}

/* Walks folder REL of the stage's table for data files, not links. */
static void
walk(struct ll_publish *pub, struct ll_partw *w, int dfd, const char *rel)
{
	struct dirent *de;
	struct stat st;
	const char *hex;
	char *sub;
	DIR *d;
	int fd;

	if ((d = fdopendir(dfd)) == NULL)
		err(LL_EXIT_IO, "%s/%s/%s", pub->stage, pub->table, rel);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (fstatat(dirfd(d), de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == -1)
			err(LL_EXIT_IO, "%s/%s", rel, de->d_name);
		if (S_ISDIR(st.st_mode) && strchr(de->d_name, '=') != NULL) {
			sub = *rel == '\0' ? xstrdup(de->d_name) :
			    xasprintf("%s/%s", rel, de->d_name);
			if ((fd = openat(dirfd(d), de->d_name, O_RDONLY |
			    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) == -1)
				err(LL_EXIT_IO, "%s", sub);
			walk(pub, w, fd, sub);
			free(sub);
		} else if (S_ISREG(st.st_mode) && *rel != '\0' &&
		    kind(de->d_name, strlen(de->d_name), &hex) == F_DATA)
			leftover(pub, w, rel, de->d_name, hex);
	}
	closedir(d);
}

/*
 * Uploads the data files killed runs left in the stage's table, so a
 * run converges whatever it is given; their partitions are reported
 * when those are on S3.
 */
void
ll_publish_resume(struct ll_publish *pub, struct ll_partw *w)
{
	char *top;
	int fd;

	top = xasprintf("%s/%s", pub->stage, pub->table);
	fd = open(top, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 && errno != ENOENT)
		err(LL_EXIT_IO, "%s", top);
	if (fd != -1)
		walk(pub, w, fd, "");
	free(top);
}

/* After the partition is reported: its S3 listing goes. */
void
ll_publish_forget(struct ll_part *p)
{
	if (p->remote == NULL)
		return;
	free(p->remote->hex);
	free(p->remote->flags);
	free(p->remote);
	p->remote = NULL;
}

void
ll_publish_close(struct ll_publish *pub)
{
	ll_engine_free(pub->engine);
	ll_s3_conf_free(&pub->conf);
	free(pub->bucket);
	free(pub->prefix);
	free(pub->journal);
}
