/*
 * One object written: a file hashed (SHA-256 for the signature and
 * the metadata, MD5 for Content-MD5 and the ETag) and sent with one
 * PUT, or a copy made with one CopyObject; bigger ones go to mpu.c.
 * A write refused with 412 is followed by a HEAD that tells "present"
 * from "conflict".  An upload is one request at a time through its
 * ll_xfer, so its steps follow each other in the done callback.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "aws/engine.h"
#include "aws/mpu.h"
#include "aws/s3.h"
#include "aws/s3xml.h"
#include "aws/upload.h"
#include "io/hash.h"
#include "ll.h"
#include "xalloc.h"

#define MAXANSWER	(1 << 20)
#define CHUNK		(256 * 1024)

static const struct ll_xfer_ops upload_ops;

/* Appends a header made from FMT to *L. */
void
ll_upload_hdr(struct curl_slist **l, const char *fmt, ...)
{
	struct curl_slist *n;
	char buf[16384];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= sizeof(buf))
		errx(LL_EXIT_IO, "a request header longer than %zu bytes",
		    sizeof(buf));
	if ((n = curl_slist_append(*l, buf)) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	*l = n;
}

/* Keeps the bytes of an answer, up to a size no S3 answer reaches. */
int
ll_upload_collect(char **buf, size_t *len, const char *p, size_t n,
    char *msg, size_t msglen)
{
	if (*len + n > MAXANSWER) {
		snprintf(msg, msglen, "answer larger than %d bytes",
		    MAXANSWER);
		return -1;
	}
	*buf = xrealloc(*buf, *len + n + 1);
	memcpy(*buf + *len, p, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

/* ROOT, or ROOT with "Response" for "Result", as moto 5 names some. */
static int
root_is(const char *got, const char *root)
{
	size_t n = strlen(root) - 6;

	return strcmp(got, root) == 0 || (strncmp(got, root, n) == 0 &&
	    strcmp(got + n, "Response") == 0);
}

/*
 * A 200 answer of CopyObject, UploadPartCopy or CompleteMultipartUpload
 * is ROOT, or an Error document when the request failed after S3 began
 * its answer: retried when S3 says it may pass.
 */
enum ll_xverdict
ll_upload_answer(const char *body, size_t len, const char *root, char *msg,
    size_t msglen)
{
	struct ll_s3xml *d;
	const char *code, *text;
	enum ll_xverdict v = LL_X_OK;

	if ((d = ll_s3xml_parse(body, len)) == NULL) {
		snprintf(msg, msglen, "unreadable answer (%zu bytes)", len);
		return LL_X_RETRY;
	}
	if (strcmp(ll_s3xml_root(d), "Error") == 0) {
		code = ll_s3xml_get(d, "Code");
		text = ll_s3xml_get(d, "Message");
		snprintf(msg, msglen, "S3 %s%s%s", code != NULL ? code : "Error",
		    text != NULL ? ": " : "", text != NULL ? text : "");
		v = code != NULL && (strcmp(code, "InternalError") == 0 ||
		    strcmp(code, "SlowDown") == 0 ||
		    strcmp(code, "ServiceUnavailable") == 0) ?
		    LL_X_RETRY : LL_X_FAIL;
	} else if (!root_is(ll_s3xml_root(d), root)) {
		snprintf(msg, msglen, "answer is %s, not %s",
		    ll_s3xml_root(d), root);
		v = LL_X_FAIL;
	}
	ll_s3xml_free(d);
	return v;
}

/* The upload's one request, ready for ll_engine_add() once filled in. */
struct ll_xfer *
ll_upload_prep(struct ll_upload *p, int step, const char *method, char *url)
{
	struct ll_xfer *x = &p->x;

	p->step = step;
	x->ops = &upload_ops;
	x->arg = p;
	x->url = url;
	x->bucket = p->bucket;
	x->what = p->what;
	x->method = method;
	x->hdrs = p->hdrs;
	x->payload = NULL;
	x->sendmem = NULL;
	x->sendfd = -1;
	x->sendoff = x->sendlen = 0;
	return x;
}

static void
drop_hdrs(struct ll_upload *p)
{
	curl_slist_free_all(p->hdrs);
	p->hdrs = NULL;
}

/* Ends the upload with RESULT and a message from FMT (may be NULL). */
void
ll_upload_end(struct ll_upload *p, enum ll_upresult result, const char *fmt,
    ...)
{
	va_list ap;

	p->result = result;
	p->msg[0] = '\0';
	if (fmt != NULL) {
		va_start(ap, fmt);
		vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
		va_end(ap);
	}
	if (result == LL_UP_STORED)
		p->u->sent += (uintmax_t)p->size;
	if (p->fd != -1)
		close(p->fd);
	p->fd = -1;
	drop_hdrs(p);
	free(p->body);
	p->body = NULL;
	p->bodylen = 0;
	ll_mpu_free(p);
	p->done(p);
}

/* Asks what is under the key now. */
void
ll_upload_head(struct ll_upload *p)
{
	drop_hdrs(p);
	p->there_sha[0] = p->there_etag[0] = '\0';
	p->there_size = -1;
	ll_engine_add(p->u->engine, ll_upload_prep(p, LL_UPS_HEAD, "HEAD",
	    ll_s3_object_url(p->u->conf, p->bucket, p->key, p->keylen)));
}

/* The object under the key, asked for after a 412: ours, or another? */
static void
compare(struct ll_upload *p)
{
	if (p->there_size != p->size)
		ll_upload_end(p, LL_UP_CONFLICT, "%lld bytes there, %lld here",
		    p->there_size, p->size);
	else if (p->there_sha[0] != '\0' && strcmp(p->there_sha, p->sha) != 0)
		ll_upload_end(p, LL_UP_CONFLICT, "SHA-256 %s there, %s here",
		    p->there_sha, p->sha);
	else if (p->there_sha[0] != '\0')
		ll_upload_end(p, LL_UP_PRESENT, NULL);
	else if (p->etag[0] != '\0' && strcmp(p->there_etag, p->etag) == 0)
		ll_upload_end(p, LL_UP_PRESENT, NULL);
	else
		ll_upload_end(p, LL_UP_CONFLICT, "ETag %s there, %s here, and "
		    "no SHA-256 to compare", p->there_etag,
		    p->etag[0] != '\0' ? p->etag : "unknown");
}

static void
u_begin(struct ll_xfer *x)
{
	struct ll_upload *p = x->arg;

	free(p->body);
	p->body = NULL;
	p->bodylen = 0;
}

static int
u_body(struct ll_xfer *x, const char *buf, size_t n)
{
	struct ll_upload *p = x->arg;

	return ll_upload_collect(&p->body, &p->bodylen, buf, n, x->msg,
	    sizeof(x->msg));
}

static enum ll_xverdict
u_check(struct ll_xfer *x)
{
	struct ll_upload *p = x->arg;

	switch (p->step) {
	case LL_UPS_PUT:
		if (!x->kms && ll_hash_is_md5(x->etag) &&
		    strcmp(x->etag, p->md5) != 0) {
			snprintf(x->msg, sizeof(x->msg), "S3 answered ETag "
			    "%s for bytes of MD5 %s", x->etag, p->md5);
			return LL_X_FAIL;
		}
		return LL_X_OK;
	case LL_UPS_COPY:
		return ll_upload_answer(p->body, p->bodylen,
		    "CopyObjectResult", x->msg, sizeof(x->msg));
	case LL_UPS_HEAD:
		p->there_size = x->clen;
		snprintf(p->there_etag, sizeof(p->there_etag), "%s", x->etag);
		return LL_X_OK;
	default:
		return ll_mpu_check(p);
	}
}

static void
u_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct ll_upload *p = x->arg;

	switch (p->step) {
	case LL_UPS_PUT:
	case LL_UPS_COPY:
		if (v == LL_X_OK)
			ll_upload_end(p, LL_UP_STORED, NULL);
		else if (x->status == 412)
			ll_upload_head(p);
		else
			ll_upload_end(p, LL_UP_FAILED, "%s", x->msg);
		break;
	case LL_UPS_HEAD:
		if (v == LL_X_OK)
			compare(p);
		else if (x->status == 404 && p->srcbucket != NULL)
			ll_upload_end(p, LL_UP_FAILED, "the source changed "
			    "since it was read (ETag no longer %s)",
			    p->srcetag != NULL ? p->srcetag : "as read");
		else if (x->status == 404)
			ll_upload_end(p, LL_UP_FAILED, "refused as present, "
			    "then not found");
		else
			ll_upload_end(p, LL_UP_FAILED, "%s", x->msg);
		break;
	default:
		ll_mpu_done(p, v);
		break;
	}
}

/* What S3 said of the object: its SHA-256 if one of ours wrote it. */
static void
u_header(struct ll_xfer *x, const char *name, size_t nlen, const char *v,
    size_t vlen)
{
	struct ll_upload *p = x->arg;

	if (nlen == sizeof(LL_UPLOAD_META) - 1 && strncasecmp(name,
	    LL_UPLOAD_META, nlen) == 0 && vlen == 64) {
		memcpy(p->there_sha, v, 64);
		p->there_sha[64] = '\0';
	}
}

static const struct ll_xfer_ops upload_ops = { u_begin, u_body, u_check,
	u_done, u_header };

static void
init(struct ll_upload *p)
{
	p->fd = -1;
	p->result = LL_UP_FAILED;
	p->multipart = 0;
	p->msg[0] = p->md5[0] = p->etag[0] = '\0';
	p->hdrs = NULL;
	p->body = p->req = NULL;
	p->bodylen = 0;
	p->uploadid = p->note = NULL;
	p->part = NULL;
	p->nparts = p->partsleft = 0;
	memset(&p->x, 0, sizeof(p->x));
}

/* Content-MD5 wants the digest in base64, not hex. */
static void
md5_b64(const char *hex, char out[25])
{
	unsigned char bin[16];
	unsigned i, v;

	for (i = 0; i < 16; i++) {
		sscanf(hex + 2 * i, "%2x", &v);
		bin[i] = (unsigned char)v;
	}
	EVP_EncodeBlock((unsigned char *)out, bin, 16);
}

/*
 * Reads the file once: its SHA-256, and the MD5 of the whole (one
 * part) or of each part.  Returns -1 with errno on a read error.
 */
static int
hash_file(struct ll_upload *p)
{
	struct ll_hash whole, part;
	char *buf;
	long long off = 0, end;
	size_t i = 0, want;
	ssize_t r;

	buf = xmalloc(CHUNK);
	ll_hash_init(&whole);
	ll_hash_init(&part);
	for (;;) {
		end = p->nparts > 0 ? p->part[i].off + p->part[i].len : p->size;
		want = end - off < CHUNK ? (size_t)(end - off) : CHUNK;
		if (want == 0 && p->nparts > 0 && i + 1 < p->nparts) {
			ll_hash_final(&part, NULL, p->part[i++].md5);
			ll_hash_init(&part);
			continue;
		}
		if (want == 0)
			break;
		if ((r = pread(p->fd, buf, want, (off_t)off)) == -1 &&
		    errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;	/* shorter than fstat said */
			ll_hash_free(&whole);
			ll_hash_free(&part);
			free(buf);
			return -1;
		}
		ll_hash_update(&whole, buf, (size_t)r);
		ll_hash_update(&part, buf, (size_t)r);
		off += r;
	}
	ll_hash_final(&whole, p->sha, p->md5);
	ll_hash_final(&part, NULL, p->nparts > 0 ? p->part[i].md5 : NULL);
	free(buf);
	return 0;
}

static void
put(struct ll_upload *p)
{
	struct ll_xfer *x;
	char b64[25];

	md5_b64(p->md5, b64);
	snprintf(p->etag, sizeof(p->etag), "%s", p->md5);
	ll_upload_hdr(&p->hdrs, "Content-MD5: %s", b64);
	ll_upload_hdr(&p->hdrs, "If-None-Match: *");
	ll_upload_hdr(&p->hdrs, LL_UPLOAD_META ": %s", p->sha);
	x = ll_upload_prep(p, LL_UPS_PUT, "PUT", ll_s3_object_url(p->u->conf,
	    p->bucket, p->key, p->keylen));
	x->payload = p->sha;
	x->sendfd = p->fd;
	x->sendlen = p->size;
	ll_engine_add(p->u->engine, x);
}

/*
 * Uploads the file P->path to P->bucket, P->key.  done() is called
 * once, possibly before this returns (a file that cannot be read).
 */
void
ll_upload_file(struct ll_upload *p)
{
	struct stat st;

	init(p);
	p->size = 0;
	if ((p->fd = open(p->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1 ||
	    fstat(p->fd, &st) == -1) {
		ll_upload_end(p, LL_UP_FAILED, "%s: %s", p->path,
		    strerror(errno));
		return;
	}
	p->size = (long long)st.st_size;
	if (p->size > p->u->partsize)
		ll_mpu_plan(p, p->u->partsize);
	if (hash_file(p) == -1) {
		ll_upload_end(p, LL_UP_FAILED, "%s: %s", p->path,
		    strerror(errno));
		return;
	}
	if (p->nparts > 0)
		ll_mpu_start(p);
	else
		put(p);
}

/*
 * Copies P->srcbucket, P->srckey (P->size bytes of SHA-256 P->sha, as
 * the caller read them, ETag P->srcetag) to P->bucket, P->key: with
 * the source's headers in P->meta and the SHA-256 as metadata, and
 * only while the source still has the ETag its bytes were read with.
 */
void
ll_upload_copy(struct ll_upload *p)
{
	struct curl_slist *m;
	char *src;

	init(p);
	if (p->srcetag != NULL && ll_hash_is_md5(p->srcetag))
		snprintf(p->etag, sizeof(p->etag), "%s", p->srcetag);
	if (p->size > p->u->copypart) {
		ll_mpu_plan(p, p->u->copypart);
		ll_mpu_start(p);
		return;
	}
	src = ll_s3_enc(p->srckey, p->srckeylen, 1);
	ll_upload_hdr(&p->hdrs, "x-amz-copy-source: /%s/%s", p->srcbucket,
	    src);
	free(src);
	if (p->srcetag != NULL)
		ll_upload_hdr(&p->hdrs, "x-amz-copy-source-if-match: \"%s\"",
		    p->srcetag);
	ll_upload_hdr(&p->hdrs, "If-None-Match: *");
	ll_upload_hdr(&p->hdrs, "x-amz-metadata-directive: REPLACE");
	ll_upload_hdr(&p->hdrs, LL_UPLOAD_META ": %s", p->sha);
	for (m = p->meta; m != NULL; m = m->next)
		ll_upload_hdr(&p->hdrs, "%s", m->data);
	ll_engine_add(p->u->engine, ll_upload_prep(p, LL_UPS_COPY, "PUT",
	    ll_s3_object_url(p->u->conf, p->bucket, p->key, p->keylen)));
}

/* After done(): what is left of a finished upload (nothing, today). */
void
ll_upload_free(struct ll_upload *p)
{
	ll_mpu_free(p);
	drop_hdrs(p);
	free(p->body);
	p->body = NULL;
}
