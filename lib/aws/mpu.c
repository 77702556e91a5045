/*
 * Multipart uploads and copies.  All parts go to the engine at once
 * and run as its slots allow, each retried on its own; when the last
 * has ended the upload is completed (If-None-Match: *, so a completed
 * upload never replaces an object either) or, if a part failed for
 * good, aborted, so that no parts are left to be paid for.  Parts of
 * a file are sent with Content-MD5 and an unsigned payload: S3 checks
 * the MD5, and hashing every part twice more would buy nothing.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "aws/engine.h"
#include "aws/mpu.h"
#include "aws/s3.h"
#include "aws/s3xml.h"
#include "aws/upload.h"
#include "io/hash.h"
#include "isotime.h"
#include "ll.h"
#include "xalloc.h"

static const struct ll_xfer_ops part_ops;

/* Cuts the object into parts of PARTSIZE, more if S3's limit wants. */
void
ll_mpu_plan(struct ll_upload *p, long long partsize)
{
	long long ps = partsize, n, i;

	if (ps < LL_UPLOAD_MINPART)
		ps = LL_UPLOAD_MINPART;
	if ((p->size + ps - 1) / ps > LL_UPLOAD_MAXPARTS) {
		ps = (p->size + LL_UPLOAD_MAXPARTS - 1) / LL_UPLOAD_MAXPARTS;
		ps = (ps + (1 << 20) - 1) & ~((1LL << 20) - 1);
	}
	n = (p->size + ps - 1) / ps;
	p->part = xcalloc((size_t)n, sizeof(*p->part));
	for (i = 0; i < n; i++) {
		p->part[i].p = p;
		p->part[i].num = (int)i + 1;
		p->part[i].off = i * ps;
		p->part[i].len = i + 1 < n ? ps : p->size - i * ps;
		p->part[i].fd = -1;
	}
	p->nparts = (size_t)n;
	p->multipart = 1;
}

/* A request on the upload: part NUM, or the upload itself (0). */
static char *
query_url(struct ll_upload *p, int num)
{
	char *id, *q, *url;

	id = ll_s3_enc(p->uploadid, strlen(p->uploadid), 0);
	if (num > 0)
		q = xasprintf("partNumber=%d&uploadId=%s", num, id);
	else
		q = xasprintf("uploadId=%s", id);
	url = ll_s3_query_url(p->u->conf, p->bucket, p->key, p->keylen, q);
	free(q);
	free(id);
	return url;
}

void
ll_mpu_start(struct ll_upload *p)
{
	struct curl_slist *m;

	int typed = 0;

	ll_upload_hdr(&p->hdrs, LL_UPLOAD_META ": %s", p->sha);
	for (m = p->meta; p->srcbucket != NULL && m != NULL; m = m->next) {
		ll_upload_hdr(&p->hdrs, "%s", m->data);
		typed |= strncasecmp(m->data, "Content-Type:", 13) == 0;
	}
	/* libcurl would call a POST a form: the object would keep that. */
	if (!typed)
		ll_upload_hdr(&p->hdrs, "Content-Type: binary/octet-stream");
	ll_engine_add(p->u->engine, ll_upload_prep(p, LL_UPS_CREATE, "POST",
	    ll_s3_query_url(p->u->conf, p->bucket, p->key, p->keylen,
	    "uploads=")));
}

/* The journal entry of an upload begun: removed when it ends. */
static void
note(struct ll_upload *p)
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n, i;
	char name[24];
	FILE *fp;
	int fd;

	if (p->u->journal == NULL)
		return;
	if (EVP_Digest(p->uploadid, strlen(p->uploadid), d, &n, EVP_sha256(),
	    NULL) != 1)
		errx(LL_EXIT_IO, "OpenSSL: digest failed");
	memcpy(name, "mpu-", 4);
	for (i = 0; i < 8; i++)
		snprintf(name + 4 + 2 * i, 3, "%02x", d[i]);
	p->note = xasprintf("%s/%s", p->u->journal, name);
	/* Not synced: a lost entry only leaves the abort to the sweep. */
	if ((fd = open(p->note, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0666)) == -1 || (fp = fdopen(fd, "w")) == NULL)
		err(LL_EXIT_IO, "%s", p->note);
	fprintf(fp, "%s\n%s\n%.*s\n", p->bucket, p->uploadid,
	    (int)p->keylen, p->key);
	if (fclose(fp) == EOF)
		err(LL_EXIT_IO, "%s", p->note);
}

static void
unnote(struct ll_upload *p)
{
	if (p->note != NULL && unlink(p->note) == -1 && errno != ENOENT)
		err(LL_EXIT_IO, "%s", p->note);
	free(p->note);
	p->note = NULL;
}

static void
send_part(struct ll_upart *pt)
{
	struct ll_upload *p = pt->p;
	struct ll_xfer *x = &pt->x;
	struct curl_slist *h = NULL;
	unsigned char bin[16];
	char b64[25], *src;
	unsigned i, v;

	if (p->srcbucket != NULL) {
		src = ll_s3_enc(p->srckey, p->srckeylen, 1);
		ll_upload_hdr(&h, "x-amz-copy-source: /%s/%s", p->srcbucket,
		    src);
		free(src);
		ll_upload_hdr(&h, "x-amz-copy-source-range: bytes=%lld-%lld",
		    pt->off, pt->off + pt->len - 1);
		if (p->srcetag != NULL)
			ll_upload_hdr(&h, "x-amz-copy-source-if-match: \"%s\"",
			    p->srcetag);
	} else {
		for (i = 0; i < 16; i++) {
			sscanf(pt->md5 + 2 * i, "%2x", &v);
			bin[i] = (unsigned char)v;
		}
		EVP_EncodeBlock((unsigned char *)b64, bin, 16);
		ll_upload_hdr(&h, "Content-MD5: %s", b64);
		x->payload = "UNSIGNED-PAYLOAD";
		x->sendfd = p->fd;
		x->sendoff = pt->off;
		x->sendlen = pt->len;
	}
	if (p->srcbucket != NULL)
		x->sendfd = -1;
	pt->what = xasprintf("%s (part %d of %zu)", p->what, pt->num,
	    p->nparts);
	x->ops = &part_ops;
	x->arg = pt;
	x->what = pt->what;
	x->bucket = p->bucket;
	x->method = "PUT";
	x->hdrs = h;
	x->url = query_url(p, pt->num);
	ll_engine_add(p->u->engine, x);
}

/* The ETag S3 gives a multipart object: the MD5 of the parts' MD5s. */
static void
multipart_etag(struct ll_upload *p)
{
	struct ll_hash h;
	unsigned char bin[16];
	char md5[33];
	unsigned i, v;
	size_t k;

	p->etag[0] = '\0';
	for (k = 0; k < p->nparts; k++)
		if (!ll_hash_is_md5(p->part[k].etag))
			return;
	ll_hash_init(&h);
	for (k = 0; k < p->nparts; k++) {
		for (i = 0; i < 16; i++) {
			sscanf(p->part[k].etag + 2 * i, "%2x", &v);
			bin[i] = (unsigned char)v;
		}
		ll_hash_update(&h, bin, 16);
	}
	ll_hash_final(&h, NULL, md5);
	snprintf(p->etag, sizeof(p->etag), "%s-%zu", md5, p->nparts);
}

static void
complete(struct ll_upload *p)
{
	struct ll_xfer *x;
	struct ll_hash h;
	char *xml, *old;
	size_t k;

	xml = xstrdup("<CompleteMultipartUpload>");
	for (k = 0; k < p->nparts; k++) {
		old = xml;
		xml = xasprintf("%s<Part><PartNumber>%d</PartNumber><ETag>\"%s\""
		    "</ETag></Part>", old, p->part[k].num, p->part[k].etag);
		free(old);
	}
	old = xml;
	xml = xasprintf("%s</CompleteMultipartUpload>", old);
	free(old);
	multipart_etag(p);
	free(p->req);
	p->req = xml;
	ll_hash_init(&h);
	ll_hash_update(&h, xml, strlen(xml));
	ll_hash_final(&h, p->bodysha, NULL);
	curl_slist_free_all(p->hdrs);
	p->hdrs = NULL;
	ll_upload_hdr(&p->hdrs, "If-None-Match: *");
	ll_upload_hdr(&p->hdrs, "Content-Type: application/xml");
	x = ll_upload_prep(p, LL_UPS_COMPLETE, "POST", query_url(p, 0));
	x->payload = p->bodysha;
	x->sendmem = p->req;
	x->sendlen = (long long)strlen(p->req);
	ll_engine_add(p->u->engine, x);
}

/* Aborts the upload, then asks what is there (HEAD) or fails with WHY. */
static void
abort_upload(struct ll_upload *p, int head, const char *why)
{
	if (head)
		p->failmsg[0] = '\0';
	else if (why != p->failmsg)
		snprintf(p->failmsg, sizeof(p->failmsg), "%s", why);
	curl_slist_free_all(p->hdrs);
	p->hdrs = NULL;
	free(p->body);
	p->body = NULL;
	p->bodylen = 0;
	ll_engine_add(p->u->engine, ll_upload_prep(p, LL_UPS_ABORT, "DELETE",
	    query_url(p, 0)));
}

/* Every part has ended. */
static void
parts_ended(struct ll_upload *p)
{
	size_t k;

	for (k = 0; k < p->nparts; k++)
		if (!p->part[k].ok) {
			abort_upload(p, 0, p->failmsg);
			return;
		}
	complete(p);
}

enum ll_xverdict
ll_mpu_check(struct ll_upload *p)
{
	struct ll_s3xml *d;
	const char *v;
	enum ll_xverdict r;
	char *etag;
	size_t n;

	switch (p->step) {
	case LL_UPS_CREATE:
		d = ll_s3xml_parse(p->body, p->bodylen);
		v = d != NULL ? ll_s3xml_get(d, "UploadId") : NULL;
		if (v != NULL && *v != '\0')
			p->uploadid = xstrdup(v);
		ll_s3xml_free(d);
		if (p->uploadid != NULL)
			return LL_X_OK;
		snprintf(p->x.msg, sizeof(p->x.msg), "no UploadId in the "
		    "answer to CreateMultipartUpload");
		return LL_X_RETRY;
	case LL_UPS_COMPLETE:
		if ((r = ll_upload_answer(p->body, p->bodylen,
		    "CompleteMultipartUploadResult", p->x.msg,
		    sizeof(p->x.msg))) != LL_X_OK)
			return r;
		d = ll_s3xml_parse(p->body, p->bodylen);
		v = ll_s3xml_get(d, "ETag");
		etag = xstrdup(v != NULL ? v : "");
		if ((n = strlen(etag)) >= 2 && etag[0] == '"')
			etag[n - 1] = '\0';
		r = LL_X_OK;
		if (!p->x.kms && p->etag[0] != '\0' && strcmp(etag + (etag[0] ==
		    '"'), p->etag) != 0) {
			snprintf(p->x.msg, sizeof(p->x.msg), "S3 answered ETag "
			    "%s for parts of ETag %s", etag, p->etag);
			r = LL_X_FAIL;
		}
		free(etag);
		ll_s3xml_free(d);
		return r;
	default:
		return LL_X_OK;
	}
}

void
ll_mpu_done(struct ll_upload *p, enum ll_xverdict v)
{
	size_t k;

	switch (p->step) {
	case LL_UPS_CREATE:
		if (v != LL_X_OK) {
			ll_upload_end(p, LL_UP_FAILED, "%s", p->x.msg);
			return;
		}
		note(p);
		p->partsleft = p->nparts;
		p->failmsg[0] = '\0';
		for (k = 0; k < p->nparts; k++)
			send_part(&p->part[k]);
		return;
	case LL_UPS_COMPLETE:
		if (v == LL_X_OK) {
			unnote(p);
			ll_upload_end(p, LL_UP_STORED, NULL);
		} else if (p->x.status == 412)
			abort_upload(p, 1, NULL);
		else if (p->x.status == 404) {
			/* An earlier attempt did complete it, or it is gone. */
			unnote(p);
			ll_upload_head(p);
		} else
			abort_upload(p, 0, p->x.msg);
		return;
	case LL_UPS_ABORT:
		if (v == LL_X_OK || p->x.status == 404)
			unnote(p);
		if (p->failmsg[0] == '\0')
			ll_upload_head(p);
		else
			ll_upload_end(p, LL_UP_FAILED, "%s", p->failmsg);
		return;
	}
}

static void
pt_begin(struct ll_xfer *x)
{
	struct ll_upart *pt = x->arg;

	free(pt->body);
	pt->body = NULL;
	pt->bodylen = 0;
}

static int
pt_body(struct ll_xfer *x, const char *buf, size_t n)
{
	struct ll_upart *pt = x->arg;

	return ll_upload_collect(&pt->body, &pt->bodylen, buf, n, x->msg,
	    sizeof(x->msg));
}

static enum ll_xverdict
pt_check(struct ll_xfer *x)
{
	struct ll_upart *pt = x->arg;
	struct ll_s3xml *d;
	enum ll_xverdict r;
	const char *v;
	size_t n;

	if (pt->p->srcbucket == NULL) {
		if (!x->kms && ll_hash_is_md5(x->etag) &&
		    strcmp(x->etag, pt->md5) != 0) {
			snprintf(x->msg, sizeof(x->msg), "S3 answered ETag %s "
			    "for bytes of MD5 %s", x->etag, pt->md5);
			return LL_X_RETRY;
		}
		snprintf(pt->etag, sizeof(pt->etag), "%s", x->etag);
		return LL_X_OK;
	}
	if ((r = ll_upload_answer(pt->body, pt->bodylen, "CopyPartResult",
	    x->msg, sizeof(x->msg))) != LL_X_OK)
		return r;
	d = ll_s3xml_parse(pt->body, pt->bodylen);
	v = ll_s3xml_get(d, "ETag");
	if (v == NULL)
		v = "";
	if (*v == '"')
		v++;
	n = strlen(v);
	if (n > 0 && v[n - 1] == '"')
		n--;
	snprintf(pt->etag, sizeof(pt->etag), "%.*s", (int)n, v);
	ll_s3xml_free(d);
	return LL_X_OK;
}

static void
pt_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct ll_upart *pt = x->arg;
	struct ll_upload *p = pt->p;

	curl_slist_free_all(x->hdrs);
	x->hdrs = NULL;
	free(pt->body);
	pt->body = NULL;
	free(pt->what);
	pt->what = NULL;
	pt->ok = v == LL_X_OK;
	if (!pt->ok && p->failmsg[0] == '\0')
		snprintf(p->failmsg, sizeof(p->failmsg), "part %d: %s",
		    pt->num, x->msg);
	if (--p->partsleft == 0)
		parts_ended(p);
}

static const struct ll_xfer_ops part_ops = { pt_begin, pt_body, pt_check,
	pt_done, NULL };

void
ll_mpu_free(struct ll_upload *p)
{
	free(p->part);
	p->part = NULL;
	p->nparts = 0;
	free(p->uploadid);
	p->uploadid = NULL;
	free(p->note);
	p->note = NULL;
	free(p->req);
	p->req = NULL;
}

/*
 * The sweep, before a run's uploads: one request at a time, waited
 * for.  A run killed during a multipart upload leaves its parts
 * stored, invisible and paid for, until the upload is aborted.
 */
struct call {
	struct ll_xfer	 x;
	char		*body;
	size_t		 len;
	int		 done;
};

static void
c_begin(struct ll_xfer *x)
{
	struct call *c = x->arg;

	free(c->body);
	c->body = NULL;
	c->len = 0;
}

static int
c_body(struct ll_xfer *x, const char *buf, size_t n)
{
	struct call *c = x->arg;

	return ll_upload_collect(&c->body, &c->len, buf, n, x->msg,
	    sizeof(x->msg));
}

static enum ll_xverdict
c_check(struct ll_xfer *x)
{
	(void)x;
	return LL_X_OK;
}

static void
c_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct call *c = x->arg;

	c->done = v == LL_X_OK ? 1 : -1;
}

static const struct ll_xfer_ops call_ops = { c_begin, c_body, c_check,
	c_done, NULL };

/* Runs one request to its end; 0 when it succeeded. */
static int
call(struct ll_uploader *u, struct call *c, const char *bucket,
    const char *what, const char *method, char *url)
{
	memset(c, 0, sizeof(*c));
	c->x.ops = &call_ops;
	c->x.arg = c;
	c->x.bucket = bucket;
	c->x.what = what;
	c->x.method = method;
	c->x.sendfd = -1;
	c->x.url = url;
	ll_engine_add(u->engine, &c->x);
	while (!c->done)
		ll_engine_step(u->engine, NULL, 0, 500);
	return c->done == 1 ? 0 : -1;
}

/* Aborts the upload ID of KEY; 0 when it is gone. */
static int
abort_id(struct ll_uploader *u, const char *bucket, const char *key,
    const char *id)
{
	struct call c;
	char *e, *q, *what;
	int r;

	e = ll_s3_enc(id, strlen(id), 0);
	q = xasprintf("uploadId=%s", e);
	what = xasprintf("s3://%s/%s (upload %s)", bucket, key, id);
	r = call(u, &c, bucket, what, "DELETE", ll_s3_query_url(u->conf,
	    bucket, key, strlen(key), q));
	if (r == -1 && c.x.status == 404)
		r = 0;
	if (r == -1)
		ll_msg("%s: cannot abort: %s", what, c.x.msg);
	free(c.body);
	free(what);
	free(q);
	free(e);
	return r;
}

/* Uploads the journal says were begun and never ended. */
static unsigned
sweep_journal(struct ll_uploader *u, const char *bucket, const char *prefix)
{
	char b[1024], id[1024], key[2048], *path;
	struct dirent *de;
	unsigned n = 0;
	FILE *fp;
	DIR *d;

	if (u->journal == NULL || (d = opendir(u->journal)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "mpu-", 4) != 0)
			continue;
		path = xasprintf("%s/%s", u->journal, de->d_name);
		if ((fp = fopen(path, "re")) != NULL &&
		    fscanf(fp, "%1023[^\n]\n%1023[^\n]\n%2047[^\n]", b, id,
		    key) == 3 && strcmp(b, bucket) == 0 &&
		    strncmp(key, prefix, strlen(prefix)) == 0 &&
		    abort_id(u, bucket, key, id) == 0) {
			if (unlink(path) == -1)
				err(LL_EXIT_IO, "%s", path);
			n++;
		}
		if (fp != NULL)
			fclose(fp);
		free(path);
	}
	closedir(d);
	return n;
}

/* Is the upload older than MAXAGE seconds? */
static int
old(const char *initiated, long maxage)
{
	int64_t ms;

	if (initiated == NULL || ll_isotime_parse(initiated,
	    strlen(initiated), &ms) == -1)
		return 0;
	return (int64_t)time(NULL) * 1000 - ms > (int64_t)maxage * 1000;
}

static char *
list_url(struct ll_uploader *u, const char *bucket, const char *prefix,
    const char *km, const char *im)
{
	char *q, *ek, *ep, *ei, *url;

	ek = ll_s3_enc(km, strlen(km), 0);
	ep = ll_s3_enc(prefix, strlen(prefix), 0);
	ei = ll_s3_enc(im, strlen(im), 0);
	q = xasprintf("%s%s%sprefix=%s%s%s%suploads=", *km ? "key-marker=" :
	    "", ek, *km ? "&" : "", ep, *im ? "&upload-id-marker=" : "", ei,
	    "&");
	url = ll_s3_query_url(u->conf, bucket, NULL, 0, q);
	free(q);
	free(ek);
	free(ep);
	free(ei);
	return url;
}

/* Incomplete uploads under the prefix that MATCH and are MAXAGE old. */
static unsigned
sweep_list(struct ll_uploader *u, const char *bucket, const char *prefix,
    int (*match)(const char *, size_t), long maxage)
{
	struct ll_s3xml *d;
	struct call c;
	char *km, *im, *what;
	const char *k, *id, *t;
	unsigned n = 0;
	size_t i;
	int more;

	km = xstrdup("");
	im = xstrdup("");
	what = xasprintf("s3://%s/%s (incomplete uploads)", bucket, prefix);
	do {
		more = 0;
		if (call(u, &c, bucket, what, NULL, list_url(u, bucket, prefix,
		    km, im)) == -1 || (d = ll_s3xml_parse(c.body,
		    c.len)) == NULL) {
			ll_msg("%s: cannot list: %s", what, c.done == -1 ?
			    c.x.msg : "unreadable answer");
			free(c.body);
			break;
		}
		for (i = 0; i < ll_s3xml_nitems(d); i++) {
			k = ll_s3xml_item(d, i, "Key");
			id = ll_s3xml_item(d, i, "UploadId");
			t = ll_s3xml_item(d, i, "Initiated");
			if (strcmp(ll_s3xml_item_name(d, i), "Upload") == 0 &&
			    k != NULL && id != NULL && old(t, maxage) &&
			    match(k, strlen(k)) &&
			    abort_id(u, bucket, k, id) == 0)
				n++;
		}
		t = ll_s3xml_get(d, "IsTruncated");
		k = ll_s3xml_get(d, "NextKeyMarker");
		id = ll_s3xml_get(d, "NextUploadIdMarker");
		if (t != NULL && strcmp(t, "true") == 0 && k != NULL &&
		    (strcmp(k, km) != 0 || (id != NULL && strcmp(id, im) != 0))) {
			more = 1;
			free(km);
			free(im);
			km = xstrdup(k);
			im = xstrdup(id != NULL ? id : "");
		}
		ll_s3xml_free(d);
		free(c.body);
	} while (more);
	free(what);
	free(km);
	free(im);
	return n;
}

/*
 * Aborts the incomplete multipart uploads under BUCKET, PREFIX that a
 * run of ours left: those in the journal, and those whose key MATCH
 * accepts that began more than MAXAGE seconds ago (a run on another
 * machine, or a lost journal), so that an upload another machine has
 * running now is left alone.  Returns how many were aborted.
 */
unsigned
ll_mpu_sweep(struct ll_uploader *u, const char *bucket, const char *prefix,
    int (*match)(const char *, size_t), long maxage)
{
	unsigned n;

	n = sweep_journal(u, bucket, prefix);
	n += sweep_list(u, bucket, prefix, match, maxage);
	ll_stats_add("stale_uploads_aborted", n);
	return n;
}
