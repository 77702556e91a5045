/*
 * Hashing before copying costs a download of each object (free of
 * charge from EC2 in the bucket's region, as ll-fetch -O into a local
 * store costs anyway) but no disk; the copy itself moves no byte
 * through this machine.  S3 could checksum the copy itself
 * (x-amz-checksum-algorithm), but for a multipart copy that is a
 * checksum of part checksums, not the SHA-256 of the object, and it
 * would be S3's word, not a digest of the bytes we saw.  The copy is
 * conditional on the source's ETag (x-amz-copy-source-if-match), so
 * the bytes copied are the bytes hashed.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/engine.h"
#include "aws/s3.h"
#include "aws/upload.h"
#include "fetch.h"
#include "io/hash.h"
#include "ll.h"
#include "s3store.h"
#include "store.h"
#include "xalloc.h"

#define STALE_UPLOAD	86400	/* seconds before an upload is stale */

int
ll_s3store_is(const char *url)
{
	return strncmp(url, "s3://", 5) == 0;
}

/* Under the store's prefix, every key is the store's. */
static int
any(const char *key, size_t n)
{
	(void)key;
	(void)n;
	return 1;
}

void
ll_s3store_open(struct ll_s3store *st, const char *url, struct ll_engine *e,
    struct ll_s3conf *conf, long long partsize, long long copypart)
{
	char *key;
	size_t n;

	if (ll_s3_split(url, &st->bucket, &key) == -1 ||
	    !ll_s3_bucket_ok(st->bucket))
		errx(LL_EXIT_USAGE, "--store: %s: not s3://BUCKET/PREFIX/",
		    url);
	n = strlen(key);
	st->prefix = n == 0 || key[n - 1] == '/' ? xstrdup(key) :
	    xasprintf("%s/", key);
	free(key);
	memset(&st->up, 0, sizeof(st->up));
	st->up.engine = e;
	st->up.conf = conf;
	st->up.partsize = partsize;
	st->up.copypart = copypart;
	ll_mpu_sweep(&st->up, st->bucket, st->prefix, any, STALE_UPLOAD);
}

void
ll_s3store_close(struct ll_s3store *st)
{
	free(st->bucket);
	free(st->prefix);
}

/* The object's end, from what the upload or copy did. */
static void
put_done(struct ll_upload *u)
{
	struct ll_fetch_obj *o = u->arg;

	if (u->sha[0] != '\0')
		memcpy(o->body.sha, u->sha, sizeof(o->body.sha));
	switch (u->result) {
	case LL_UP_STORED:
		ll_fetch_end(o, LL_O_STORED, NULL);
		break;
	case LL_UP_PRESENT:
		ll_fetch_end(o, LL_O_PRESENT, NULL);
		break;
	case LL_UP_CONFLICT:
		ll_fetch_end(o, LL_O_CONFLICT, u->msg);
		break;
	default:
		ll_fetch_end(o, LL_O_FAILED, u->msg);
		break;
	}
}

static void
put_setup(struct ll_s3store *st, struct ll_fetch_obj *o)
{
	struct ll_upload *u = &o->put->up;

	u->u = &st->up;
	u->bucket = st->bucket;
	u->key = o->put->key;
	u->keylen = o->put->keylen;
	u->what = o->path;
	u->done = put_done;
	u->arg = o;
}

/* A local source: uploaded, its listed size checked first. */
static void
upload(struct ll_s3store *st, struct ll_fetch_obj *o)
{
	struct stat sb;
	char msg[128];

	if (o->l.size >= 0 && stat(o->l.local, &sb) == 0 &&
	    (long long)sb.st_size != o->l.size) {
		snprintf(msg, sizeof(msg), "got %lld bytes, listed %lld",
		    (long long)sb.st_size, o->l.size);
		ll_fetch_end(o, LL_O_FAILED, msg);
		return;
	}
	put_setup(st, o);
	o->put->up.path = o->l.local;
	ll_upload_file(&o->put->up);
}

/* What the HEAD found, against the listing: as ll_store_check(). */
static enum ll_presence
presence(struct ll_fetch_obj *o, char *why, size_t whylen)
{
	struct ll_s3put *sp = o->put;
	const char *etag = o->l.etag;

	if (o->l.size >= 0 && sp->size != o->l.size) {
		snprintf(why, whylen, "stored copy has %lld bytes, the object "
		    "%lld", sp->size, o->l.size);
		return LL_DIFFERENT;
	}
	if (etag != NULL && strcmp(sp->etag, etag) == 0 && sp->sha[0] != '\0')
		return LL_SAME;
	if (etag != NULL && ll_hash_is_md5(etag) && ll_hash_is_md5(sp->etag) &&
	    strcmp(sp->etag, etag) != 0 && !o->put->x.kms) {
		snprintf(why, whylen, "stored copy has ETag %s, the object %s",
		    sp->etag, etag);
		return LL_DIFFERENT;
	}
	return LL_UNKNOWN;
}

static void
h_begin(struct ll_xfer *x)
{
	struct ll_fetch_obj *o = x->arg;

	o->put->sha[0] = '\0';
}

static int
h_body(struct ll_xfer *x, const char *p, size_t n)
{
	(void)x;
	(void)p;
	(void)n;
	return 0;
}

static enum ll_xverdict
h_check(struct ll_xfer *x)
{
	struct ll_fetch_obj *o = x->arg;

	o->put->size = x->clen;
	snprintf(o->put->etag, sizeof(o->put->etag), "%s", x->etag);
	return LL_X_OK;
}

static void
h_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct ll_fetch_obj *o = x->arg;
	struct ll_s3put *sp = o->put;
	char why[300];

	if (v != LL_X_OK && x->status != 404) {
		ll_fetch_end(o, LL_O_FAILED, x->msg);
		return;
	}
	sp->pres = v == LL_X_OK ? presence(o, why, sizeof(why)) : LL_ABSENT;
	switch (sp->pres) {
	case LL_SAME:
		memcpy(o->body.sha, sp->sha, sizeof(o->body.sha));
		ll_fetch_end(o, LL_O_PRESENT, NULL);
		return;
	case LL_DIFFERENT:
		ll_fetch_end(o, LL_O_CONFLICT, why);
		return;
	default:
		break;
	}
	if (o->l.local != NULL)
		upload(o->f->s3store, o);
	else
		ll_fetch_start(o, sp->pres);
}

static void
h_header(struct ll_xfer *x, const char *name, size_t nlen, const char *v,
    size_t vlen)
{
	struct ll_fetch_obj *o = x->arg;

	if (nlen == sizeof(LL_UPLOAD_META) - 1 && strncasecmp(name,
	    LL_UPLOAD_META, nlen) == 0 && vlen == 64) {
		memcpy(o->put->sha, v, 64);
		o->put->sha[64] = '\0';
	}
}

static const struct ll_xfer_ops head_ops = { h_begin, h_body, h_check,
	h_done, h_header };

/*
 * --get into an S3 store: the object's key there, and a HEAD to find
 * what is there already.
 */
void
ll_s3store_get(struct ll_s3store *st, struct ll_fetch_obj *o)
{
	struct ll_s3put *sp;
	size_t np = strlen(st->prefix), nb = strlen(o->l.bucket);
	char *path;

	sp = o->put = xcalloc(1, sizeof(*o->put));
	sp->keylen = np + nb + 1 + o->l.keylen;
	sp->key = xmalloc(sp->keylen + 1);
	memcpy(sp->key, st->prefix, np);
	memcpy(sp->key + np, o->l.bucket, nb);
	sp->key[np + nb] = '/';
	memcpy(sp->key + np + nb + 1, o->l.key, o->l.keylen);
	sp->key[sp->keylen] = '\0';
	path = xmalloc(5 + strlen(st->bucket) + 1 + sp->keylen + 1);
	memcpy(path, "s3://", 5);
	memcpy(path + 5, st->bucket, strlen(st->bucket));
	path[5 + strlen(st->bucket)] = '/';
	memcpy(path + 6 + strlen(st->bucket), sp->key, sp->keylen + 1);
	o->path = path;
	sp->x.ops = &head_ops;
	sp->x.arg = o;
	sp->x.what = o->path;
	sp->x.bucket = st->bucket;
	sp->x.method = "HEAD";
	sp->x.sendfd = -1;
	sp->x.url = ll_s3_object_url(st->up.conf, st->bucket, sp->key,
	    sp->keylen);
	ll_engine_add(st->up.engine, &sp->x);
}

/* Headers of the source kept on the copy (a REPLACE copy drops them). */
void
ll_s3store_header(struct ll_fetch_obj *o, const char *name, size_t nlen,
    const char *v, size_t vlen)
{
	static const char *const keep[] = { "Content-Type", "Content-Encoding",
	    "Content-Disposition", "Content-Language", "Cache-Control",
	    "Expires" };
	struct curl_slist *n;
	char *h;
	size_t i;
	int want = 0;

	if (o->put == NULL)
		return;
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		want |= nlen == strlen(keep[i]) &&
		    strncasecmp(name, keep[i], nlen) == 0;
	if (nlen > 11 && strncasecmp(name, "x-amz-meta-", 11) == 0 &&
	    !(nlen == sizeof(LL_UPLOAD_META) - 1 && strncasecmp(name,
	    LL_UPLOAD_META, nlen) == 0))
		want = 1;
	if (!want)
		return;
	h = xasprintf("%.*s: %.*s", (int)nlen, name, (int)vlen, v);
	if ((n = curl_slist_append(o->put->meta, h)) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	o->put->meta = n;
	free(h);
}

/* Before each attempt at the source: its headers afresh. */
void
ll_s3store_begin(struct ll_fetch_obj *o)
{
	if (o->put == NULL)
		return;
	curl_slist_free_all(o->put->meta);
	o->put->meta = NULL;
}

/*
 * The source's bytes are hashed: compared with the stored copy when
 * one was there that the HEAD could not vouch for, else copied.
 */
void
ll_s3store_fetched(struct ll_fetch_obj *o)
{
	struct ll_s3put *sp = o->put;
	struct ll_upload *u = &sp->up;

	if (sp->pres == LL_UNKNOWN) {
		if ((sp->sha[0] != '\0' && strcmp(sp->sha, o->body.sha) == 0) ||
		    (sp->sha[0] == '\0' && strcmp(sp->etag, o->body.md5) == 0))
			ll_fetch_end(o, LL_O_PRESENT, NULL);
		else
			ll_fetch_end(o, LL_O_CONFLICT, "the stored copy differs "
			    "in content");
		return;
	}
	put_setup(o->f->s3store, o);
	u->srcbucket = o->l.bucket;
	u->srckey = o->l.key;
	u->srckeylen = o->l.keylen;
	u->srcetag = o->l.etag;
	u->meta = sp->meta;
	u->size = o->x.got;
	memcpy(u->sha, o->body.sha, sizeof(u->sha));
	ll_upload_copy(u);
}

void
ll_s3store_free(struct ll_fetch_obj *o)
{
	if (o->put == NULL)
		return;
	ll_upload_free(&o->put->up);
	curl_slist_free_all(o->put->meta);
	free(o->put->x.url);
	free(o->put->key);
	free(o->put);
	o->put = NULL;
}
