/*
 * A record names its object by URL; "bucket" and "key" ride along for
 * readers and filters, so on s3:// the URL wins and the two may only
 * agree with it.  A key read back may hold a NUL (JSON's \u0000),
 * where strlen() would stop: lengths travel with keys for that.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aws/s3.h"
#include "io/out.h"
#include "lake/s3key.h"
#include "listing.h"
#include "ll.h"
#include "walk.h"
#include "xalloc.h"

/* A copy safe to print: control characters become '?'. */
static char *
shown(const char *s, size_t n)
{
	char *c;
	size_t i;

	c = xstrndup(s, n);
	for (i = 0; i < n && c[i] != '\0'; i++)
		if ((unsigned char)c[i] < 0x20 || c[i] == 0x7f)
			c[i] = '?';
	return c;
}

/* A string field of ll-fetch's records: null when absent or empty. */
json_t *
ll_listing_str(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

/* What the key tells, beside what the listing said. */
static void
set_keyparts(json_t *r, const char *key, size_t keylen)
{
	struct ll_s3key k;

	ll_s3key_parse(key, keylen, &k);
	json_object_set_new(r, "kind", json_string(k.kind));
	json_object_set_new(r, "organization", ll_listing_str(k.org));
	json_object_set_new(r, "account", ll_listing_str(k.account));
	json_object_set_new(r, "region", ll_listing_str(k.region));
	json_object_set_new(r, "day", ll_listing_str(k.day));
	json_object_set_new(r, "hour", ll_listing_str(k.hour));
}

/*
 * Writes O's listing record.  A key that is not UTF-8 cannot be a
 * JSON string: it is reported and rejected, and -1 returned.
 */
int
ll_listing_emit(const struct ll_walk_obj *o)
{
	json_t *r, *url, *key;
	char *sh;

	url = json_stringn(o->url, strlen(o->url) + (o->keylen -
	    strlen(o->key)));
	key = json_stringn(o->key, o->keylen);
	if (url == NULL || key == NULL) {
		sh = shown(o->url, strlen(o->url));
		ll_msg("%s: key is not valid UTF-8; skipped", sh);
		ll_reject(LL_R_INVALID_UTF8, sh, strlen(sh));
		free(sh);
		json_decref(url);
		json_decref(key);
		return -1;
	}
	r = json_object();
	json_object_set_new(r, "url", url);
	json_object_set_new(r, "bucket", json_string(o->bucket));
	json_object_set_new(r, "key", key);
	json_object_set_new(r, "size", o->size >= 0 ?
	    json_integer(o->size) : json_null());
	json_object_set_new(r, "etag", ll_listing_str(o->etag));
	json_object_set_new(r, "last_modified", ll_listing_str(o->mtime));
	set_keyparts(r, o->key, o->keylen);
	ll_out_json(r);
	json_decref(r);
	return 0;
}

static char *
jstr(json_t *j, const char *name, size_t *lenp)
{
	json_t *v = json_object_get(j, name);

	if (!json_is_string(v))
		return NULL;
	if (lenp != NULL)
		*lenp = json_string_length(v);
	return xstrndup(json_string_value(v), json_string_length(v));
}

/* s3://BUCKET/KEY; B and K, the record's "bucket" and "key", are freed. */
static const char *
from_s3(struct ll_listing *l, size_t ulen, char *b, char *k, size_t klen)
{
	const char *why = NULL;
	char *slash;

	slash = memchr(l->url + 5, '/', ulen - 5);
	if (slash == NULL || slash == l->url + 5 || slash + 1 ==
	    l->url + ulen)
		why = "not an s3://BUCKET/KEY URL";
	else {
		l->bucket = xstrndup(l->url + 5, (size_t)(slash - l->url - 5));
		l->keylen = (size_t)(l->url + ulen - slash - 1);
		l->key = xmalloc(l->keylen + 1);
		memcpy(l->key, slash + 1, l->keylen + 1);
		if ((b != NULL && strcmp(b, l->bucket) != 0) || (k != NULL &&
		    (klen != l->keylen || memcmp(k, l->key, klen) != 0)))
			why = "\"bucket\" and \"key\" disagree with \"url\"";
		else if (!ll_s3_bucket_ok(l->bucket))
			why = "not a valid bucket name";
	}
	free(b);
	free(k);
	return why;
}

static const char *
source(struct ll_listing *l, json_t *j, int needname)
{
	char *b, *k;
	size_t ulen, klen = 0;
	json_t *v;

	if ((l->url = jstr(j, "url", &ulen)) == NULL)
		return "no \"url\" string";
	l->shown = shown(l->url, ulen);
	b = jstr(j, "bucket", NULL);
	k = jstr(j, "key", &klen);
	v = json_object_get(j, "size");
	l->size = json_is_integer(v) && json_integer_value(v) >= 0 ?
	    json_integer_value(v) : -1;
	l->etag = jstr(j, "etag", NULL);
	if (l->etag != NULL && l->etag[0] == '\0') {
		free(l->etag);
		l->etag = NULL;
	}
	if (strncmp(l->url, "s3://", 5) == 0)
		return from_s3(l, ulen, b, k, klen);
	l->bucket = b;
	l->key = k;
	l->keylen = klen;
	if (strncmp(l->url, "file:///", 8) != 0 || strlen(l->url) != ulen)
		return "not an s3:// or file:/// URL";
	l->local = xstrdup(l->url + 7);
	if (needname && (b == NULL || k == NULL))
		return "a file:// record needs \"bucket\" and \"key\"";
	return NULL;
}

/* A refused record still gets a manifest record and a message. */
static void
placeholders(struct ll_listing *l)
{
	if (l->url == NULL) {
		l->url = xstrdup("");
		l->key = xstrdup("");
	}
	if (l->shown == NULL)
		l->shown = xstrdup("record");
	if (l->key == NULL)
		l->key = xstrdup("");
	l->keylen = strlen(l->key);
}

/*
 * Fills L from the listing record J; the caller has set where it was
 * read.  Returns NULL, or why the object cannot be fetched.  NEEDNAME:
 * a file:// record must say its bucket and key (--get names the
 * stored copy after them).
 */
const char *
ll_listing_read(struct ll_listing *l, json_t *j, int needname)
{
	const char *why;

	if ((why = source(l, j, needname)) != NULL)
		placeholders(l);
	return why;
}

/*
 * Why the object of L cannot be requested exactly as named, or NULL.
 * S3 keys are sent as they are, dot segments and all (CURLOPT_PATH_AS_IS
 * in the engine); a file:// path with a "." or ".." segment would be
 * resolved by the file system to another file than the one named.
 */
const char *
ll_listing_verbatim(const struct ll_listing *l)
{
	const char *p, *seg;
	size_t n;

	if (l->local == NULL)
		return NULL;
	for (p = l->local; *p != '\0'; p = seg + n) {
		while (*p == '/')
			p++;
		seg = p;
		n = strcspn(seg, "/");
		if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' &&
		    seg[1] == '.'))
			return "cannot be read as named: '.' or '..' segment "
			    "in a file:// path";
	}
	return NULL;
}

void
ll_listing_free(struct ll_listing *l)
{
	free(l->line);
	free(l->url);
	free(l->bucket);
	free(l->key);
	free(l->local);
	free(l->etag);
	free(l->shown);
	free(l->sig);
	free(l->sigalg);
}
