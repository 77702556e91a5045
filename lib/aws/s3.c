/*
 * S3 addressing and request signing.  libcurl (CURLOPT_AWS_SIGV4)
 * signs the path and query exactly as they appear in the URL, so this
 * file writes them in AWS canonical form: every byte but the RFC 3986
 * unreserved ones percent-encoded with uppercase hex, '/' kept in
 * paths, query parameters in sorted order.  S3 also wants the payload
 * hash header, which for our GETs is the hash of the empty body.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "aws/s3.h"
#include "exit.h"
#include "xalloc.h"

#define EMPTY_SHA256 \
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* Lowercase letters, digits and dashes: safe in a host name. */
static int
region_ok(const char *r)
{
	const char *p;

	for (p = r; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return 0;
	return p != r && p - r < 64;
}

static void
where_set(struct ll_s3where *w, const char *bucket, const char *region)
{
	free(w->region);
	free(w->sigv4);
	if (bucket != NULL && w->bucket == NULL)
		w->bucket = xstrdup(bucket);
	w->region = xstrdup(region);
	w->sigv4 = xasprintf("aws:amz:%s:s3", region);
}

static void
where_free(struct ll_s3where *w)
{
	free(w->bucket);
	free(w->region);
	free(w->sigv4);
}

static struct ll_s3where *
moved(const struct ll_s3conf *c, const char *bucket)
{
	size_t i;

	for (i = 0; bucket != NULL && i < c->nmoved; i++)
		if (strcmp(c->moved[i].bucket, bucket) == 0)
			return &c->moved[i];
	return NULL;
}

static const struct ll_s3where *
where(const struct ll_s3conf *c, const char *bucket)
{
	const struct ll_s3where *w;

	return (w = moved(c, bucket)) != NULL ? w : &c->home;
}

/*
 * FLAGS are ll_creds_new()'s: credentials are looked for at the first
 * request, so a run that reads only local files never asks for them.
 */
void
ll_s3_conf_init(struct ll_s3conf *c, int flags)
{
	const char *v, *var = "AWS_ENDPOINT_URL_S3";
	char *region;
	size_t n;

	memset(c, 0, sizeof(*c));
	if ((v = env(var)) == NULL)
		v = env(var = "AWS_ENDPOINT_URL");
	if (v != NULL) {
		if (strncmp(v, "http://", 7) != 0 &&
		    strncmp(v, "https://", 8) != 0)
			errx(LL_EXIT_USAGE, "%s: %s: not an http:// or "
			    "https:// URL", var, v);
		n = strlen(v);
		while (n > 0 && v[n - 1] == '/')
			n--;
		c->endpoint = xstrndup(v, n);
	}
	if ((region = ll_creds_region()) == NULL)
		region = xstrdup("us-east-1");
	if (!region_ok(region))
		errx(LL_EXIT_USAGE, "AWS_REGION: %s: not a region name",
		    region);
	where_set(&c->home, NULL, region);
	free(region);
	if ((v = env("AWS_CA_BUNDLE")) != NULL)
		c->cabundle = xstrdup(v);
	c->creds = ll_creds_new(flags);
}

void
ll_s3_conf_free(struct ll_s3conf *c)
{
	size_t i;

	free(c->endpoint);
	where_free(&c->home);
	for (i = 0; i < c->nmoved; i++)
		where_free(&c->moved[i]);
	free(c->moved);
	ll_creds_free(c->creds);
	free(c->cabundle);
	memset(c, 0, sizeof(*c));
}

static struct curl_slist *
append(struct curl_slist *l, const char *h)
{
	struct curl_slist *n;

	if ((n = curl_slist_append(l, h)) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	return n;
}

/*
 * Signing, TLS and protocol settings for one request, which holds S
 * until ll_s3_release().  PAYLOAD is the hex SHA-256 of the body (NULL
 * for none), which S3 checks against the bytes; MORE, further headers,
 * which are signed with the rest.  Verification of the server's certificate
 * stays on: there is no option to turn it off, only AWS_CA_BUNDLE to
 * name a private authority.
 */
void
ll_s3_setup(CURL *h, const struct ll_s3conf *c, const char *bucket,
    struct ll_s3sign *s, const char *payload, const struct curl_slist *more)
{
	char *tok, *ph;

	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (c->cabundle != NULL)
		curl_easy_setopt(h, CURLOPT_CAINFO, c->cabundle);
	s->cred = ll_creds_get(c->creds);
	ph = xasprintf("x-amz-content-sha256: %s", payload != NULL ? payload :
	    EMPTY_SHA256);
	s->headers = append(NULL, ph);
	free(ph);
	for (; more != NULL; more = more->next)
		s->headers = append(s->headers, more->data);
	if (s->cred != NULL && s->cred->token != NULL) {
		tok = xasprintf("x-amz-security-token: %s", s->cred->token);
		s->headers = append(s->headers, tok);
		explicit_bzero(tok, strlen(tok));
		free(tok);
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, s->headers);
	if (s->cred == NULL)
		return;
	curl_easy_setopt(h, CURLOPT_AWS_SIGV4, where(c, bucket)->sigv4);
	curl_easy_setopt(h, CURLOPT_USERNAME, s->cred->akid);
	curl_easy_setopt(h, CURLOPT_PASSWORD, s->cred->secret);
}

/* After the request: its headers go, and its hold on the credentials. */
void
ll_s3_release(struct ll_s3sign *s)
{
	curl_slist_free_all(s->headers);
	ll_creds_put(s->cred);
	s->headers = NULL;
	s->cred = NULL;
}

/* Splits s3://BUCKET/KEY; KEY may be empty.  Returns -1 if not S3. */
int
ll_s3_split(const char *url, char **bucket, char **key)
{
	const char *b, *slash;

	if (strncmp(url, "s3://", 5) != 0)
		return -1;
	b = url + 5;
	slash = strchr(b, '/');
	if (slash == NULL)
		slash = b + strlen(b);
	if (slash == b)
		return -1;
	*bucket = xstrndup(b, (size_t)(slash - b));
	*key = xstrdup(*slash == '/' ? slash + 1 : slash);
	return 0;
}

/* S3's rules: 3 to 63 of [a-z0-9.-], starting and ending alphanumeric. */
int
ll_s3_bucket_ok(const char *b)
{
	size_t i, n = strlen(b);

	if (n < 3 || n > 63 || b[0] == '.' || b[0] == '-' ||
	    b[n - 1] == '.' || b[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!((b[i] >= 'a' && b[i] <= 'z') ||
		    (b[i] >= '0' && b[i] <= '9') || b[i] == '.' ||
		    b[i] == '-'))
			return 0;
	return 1;
}

/* Appends S percent-encoded for SigV4; KEEPSLASH for paths. */
static char *
enc(char *o, const char *s, size_t n, int keepslash)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~' || (c == '/' && keepslash))
			*o++ = (char)c;
		else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return o;
}

/*
 * The base of a request for BUCKET: path-style on a custom endpoint
 * or for bucket names with dots (TLS wildcards do not cover them),
 * virtual-hosted on AWS otherwise.
 */
static char *
base_url(const struct ll_s3conf *c, const char *bucket, const char *region)
{
	const char *dom;

	if (c->endpoint != NULL)
		return xasprintf("%s/%s", c->endpoint, bucket);
	dom = strncmp(region, "cn-", 3) == 0 ? "amazonaws.com.cn" :
	    "amazonaws.com";
	if (strchr(bucket, '.') != NULL)
		return xasprintf("https://s3.%s.%s/%s", region, dom, bucket);
	return xasprintf("https://%s.s3.%s.%s", bucket, region, dom);
}

/* The region requests for BUCKET are sent to and signed for. */
const char *
ll_s3_region(const struct ll_s3conf *c, const char *bucket)
{
	return where(c, bucket)->region;
}

/*
 * S3 said BUCKET, asked in region FROM, is in region TO: remembers it
 * and rewrites *URL, a request made for FROM.  Returns -1, changing
 * nothing, when that would not help: TO is FROM, or no region name.
 */
int
ll_s3_move(struct ll_s3conf *c, const char *bucket, const char *from,
    const char *to, char **url)
{
	struct ll_s3where *w;
	char *old, *new, *u;
	size_t n;

	if (strcmp(from, to) == 0 || !region_ok(to))
		return -1;
	old = base_url(c, bucket, from);
	n = strlen(old);
	if (strncmp(*url, old, n) != 0) {
		free(old);
		return -1;
	}
	if ((w = moved(c, bucket)) == NULL) {
		c->moved = xreallocarray(c->moved, c->nmoved + 1,
		    sizeof(*c->moved));
		w = &c->moved[c->nmoved++];
		memset(w, 0, sizeof(*w));
	}
	if (w->region == NULL || strcmp(w->region, to) != 0)
		where_set(w, bucket, to);
	new = base_url(c, bucket, to);
	u = xasprintf("%s%s", new, *url + n);
	free(new);
	free(old);
	free(*url);
	*url = u;
	return 0;
}

char *
ll_s3_object_url(const struct ll_s3conf *c, const char *bucket,
    const char *key, size_t keylen)
{
	char *base, *url;
	size_t n;

	base = base_url(c, bucket, ll_s3_region(c, bucket));
	n = strlen(base);
	url = xmalloc(n + 1 + keylen * 3 + 1);
	memcpy(url, base, n);
	url[n] = '/';
	enc(url + n + 1, key, keylen, 1);
	free(base);
	return url;
}

/* S, N bytes, percent-encoded for SigV4; KEEPSLASH for paths. */
char *
ll_s3_enc(const char *s, size_t n, int keepslash)
{
	char *o;

	o = xmalloc(n * 3 + 1);
	enc(o, s, n, keepslash);
	return o;
}

/*
 * A request on an object, or on the bucket when KEY is NULL, with the
 * query QUERY: parameters already encoded and in sorted order, as the
 * signature covers them ("uploads=", not "uploads").
 */
char *
ll_s3_query_url(const struct ll_s3conf *c, const char *bucket,
    const char *key, size_t keylen, const char *query)
{
	char *base, *url;

	if (key != NULL) {
		base = ll_s3_object_url(c, bucket, key, keylen);
		url = xasprintf("%s?%s", base, query);
	} else {
		base = base_url(c, bucket, ll_s3_region(c, bucket));
		url = xasprintf("%s/?%s", base, query);
	}
	free(base);
	return url;
}

/*
 * A ListObjectsV2 request.  The parameters are written in sorted
 * order, which is what the signature covers; encoding-type=url keeps
 * keys holding bytes that XML 1.0 cannot carry intact.
 */
char *
ll_s3_list_url(const struct ll_s3conf *c, const char *bucket,
    const char *prefix, size_t prefixlen, int delimit, const char *token,
    const char *start_after)
{
	char *base, *url, *o;
	size_t n;

	base = base_url(c, bucket, ll_s3_region(c, bucket));
	n = strlen(base) + 128 + prefixlen * 3 +
	    (token != NULL ? strlen(token) * 3 : 0) +
	    (start_after != NULL ? strlen(start_after) * 3 : 0);
	url = xmalloc(n);
	o = url + snprintf(url, n, "%s/?", base);
	if (token != NULL) {
		o = stpcpy(o, "continuation-token=");
		o = enc(o, token, strlen(token), 0);
		*o++ = '&';
	}
	if (delimit)
		o = stpcpy(o, "delimiter=%2F&");
	o = stpcpy(o, "encoding-type=url&list-type=2");
	if (prefixlen > 0) {
		o = stpcpy(o, "&prefix=");
		o = enc(o, prefix, prefixlen, 0);
	}
	if (start_after != NULL && token == NULL) {
		o = stpcpy(o, "&start-after=");
		o = enc(o, start_after, strlen(start_after), 0);
	}
	free(base);
	return url;
}
