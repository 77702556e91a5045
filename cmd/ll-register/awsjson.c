/*
 * The JSON-protocol client.  One curl handle is reused, so a run of
 * calls shares its connection.  Errors come back as text for the
 * caller to report: "ThrottlingException: Rate exceeded" and the like.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <jansson.h>

#include "awsjson.h"
#include "excerpt.h"
#include "json/jbuf.h"
#include "json/json.h"
#include "aws/creds.h"
#include "ll.h"
#include "xalloc.h"

struct ll_aws {
	CURL		*curl;
	char		*url, *sigv4, *target_prefix;
	struct ll_creds	*creds;
	int		 retries;
	struct ll_jbuf	 resp;
};

static size_t
collect(char *p, size_t size, size_t n, void *arg)
{
	ll_jbuf_add(arg, p, size * n);
	return size * n;
}

static const char *
env(const char *a, const char *b)
{
	const char *v;

	if ((v = getenv(a)) != NULL && *v != '\0')
		return v;
	if (b != NULL && (v = getenv(b)) != NULL && *v != '\0')
		return v;
	return NULL;
}

/*
 * SERVICE is the signing name ("glue"), PREFIX the X-Amz-Target prefix
 * ("AWSGlue"), CREDFLAGS ll_creds_new()'s.  Returns NULL with *WHY set
 * when no region is configured; credentials are looked for at the
 * first call.
 */
struct ll_aws *
ll_awsjson_open(const char *service, const char *prefix, int credflags,
    const char **why)
{
	struct ll_aws *a;
	const char *url;
	char *envname, *c, *region;

	if ((region = ll_creds_region()) == NULL) {
		*why = "AWS_REGION or AWS_DEFAULT_REGION must be set, or "
		    "region in the profile";
		return NULL;
	}
	envname = xasprintf("AWS_ENDPOINT_URL_%s", service);
	for (c = envname; *c != '\0'; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	a = xcalloc(1, sizeof(*a));
	if ((url = env(envname, "AWS_ENDPOINT_URL")) != NULL)
		a->url = xstrdup(url);
	else
		a->url = xasprintf("https://%s.%s.amazonaws.com", service,
		    region);
	free(envname);
	a->sigv4 = xasprintf("aws:amz:%s:%s", region, service);
	free(region);
	a->target_prefix = xstrdup(prefix);
	a->retries = 5;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 ||
	    (a->curl = curl_easy_init()) == NULL)
		errx(LL_EXIT_IO, "cannot initialise libcurl");
	a->creds = ll_creds_new(credflags);
	curl_easy_setopt(a->curl, CURLOPT_AWS_SIGV4, a->sigv4);
	curl_easy_setopt(a->curl, CURLOPT_URL, a->url);
	curl_easy_setopt(a->curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(a->curl, CURLOPT_WRITEDATA, &a->resp);
	curl_easy_setopt(a->curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(a->curl, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(a->curl, CURLOPT_NOSIGNAL, 1L);
	return a;
}

void
ll_awsjson_retries(struct ll_aws *a, int n)
{
	a->retries = n;
}

const char *
ll_awsjson_endpoint(const struct ll_aws *a)
{
	return a->url;
}

/* "com.amazonaws.glue#ThrottlingException" names ThrottlingException. */
static const char *
error_type(json_t *j)
{
	const char *t, *h;

	t = json_string_value(json_object_get(j, "__type"));
	if (t == NULL)
		return j != NULL ? "UnknownError" : "unreadable answer";
	h = strrchr(t, '#');
	return h != NULL ? h + 1 : t;
}

/* Some errors (signatures, above all) come as XML: <Code>...</Code>. */
static char *
xml_tag(struct ll_jbuf *b, const char *tag)
{
	char *open, *s, *e;

	ll_jbuf_grow(b, 1);
	b->p[b->len] = '\0';
	open = xasprintf("<%s>", tag);
	s = strstr(b->p, open);
	if (s != NULL)
		s += strlen(open);
	free(open);
	e = s != NULL ? strchr(s, '<') : NULL;
	if (e == NULL)
		return NULL;
	return xstrndup(s, (size_t)(e - s));
}

static void
sleep_ms(long ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = ms % 1000 * 1000000;
	nanosleep(&ts, NULL);
}

/* One attempt's headers, signed with the credentials of the moment. */
static struct curl_slist *
attempt(struct ll_aws *a, const char *target, struct ll_cred **cred)
{
	struct curl_slist *h;
	char *tok;

	*cred = ll_creds_get(a->creds);
	h = curl_slist_append(NULL, "Content-Type: application/x-amz-json-1.1");
	if (h == NULL || curl_slist_append(h, target) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	if ((*cred)->token != NULL) {
		tok = xasprintf("X-Amz-Security-Token: %s", (*cred)->token);
		if (curl_slist_append(h, tok) == NULL)
			errx(LL_EXIT_IO, "out of memory");
		explicit_bzero(tok, strlen(tok));
		free(tok);
	}
	curl_easy_setopt(a->curl, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(a->curl, CURLOPT_USERNAME, (*cred)->akid);
	curl_easy_setopt(a->curl, CURLOPT_PASSWORD, (*cred)->secret);
	return h;
}

/*
 * Refused because the credentials had expired (the service says so,
 * or a 403 to a set whose Expiration has passed): fresh ones, once.
 */
static int
renew(struct ll_aws *a, struct ll_cred *cred, long status, const char *type,
    int *renewed)
{
	if (*renewed || (!ll_creds_expired_code(type) && !(status == 403 &&
	    cred->expires != 0 && time(NULL) >= cred->expires)))
		return 0;
	*renewed = 1;
	return ll_creds_expired(a->creds, cred);
}

/*
 * Calls ACTION with BODY.  Returns the parsed answer, or NULL with
 * *ERRP holding a message once retries are spent or the error is one
 * that retrying cannot fix.
 */
json_t *
ll_awsjson_call(struct ll_aws *a, const char *action, json_t *body,
    char **errp)
{
	struct curl_slist *hdr;
	struct ll_cred *cred;
	json_error_t jerr;
	json_t *j;
	char *text, *target, *xcode, *xmsg;
	char etype[160], emsg[LL_EXCERPT_BUF];
	const char *type, *msg;
	long status, delay;
	CURLcode rc;
	int try, retry, fresh, renewed = 0;

	*errp = NULL;
	if ((text = json_dumps(body, JSON_COMPACT)) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	target = xasprintf("X-Amz-Target: %s.%s", a->target_prefix, action);
	curl_easy_setopt(a->curl, CURLOPT_POSTFIELDS, text);
	j = NULL;
	delay = 100;
	for (try = 0;; try++) {
		free(*errp);
		*errp = NULL;
		a->resp.len = 0;
		hdr = attempt(a, target, &cred);
		rc = curl_easy_perform(a->curl);
		status = 0;
		retry = 1;
		fresh = 0;
		if (rc != CURLE_OK)
			*errp = xasprintf("%s: %s", a->url,
			    curl_easy_strerror(rc));
		else {
			curl_easy_getinfo(a->curl, CURLINFO_RESPONSE_CODE,
			    &status);
			j = ll_json_parse(a->resp.p != NULL ? a->resp.p : "",
			    a->resp.len, &jerr);
			if (status == 200 && json_is_object(j))
				retry = 0;
		}
		if (rc == CURLE_OK && retry) {
			xcode = xml_tag(&a->resp, "Code");
			xmsg = xml_tag(&a->resp, "Message");
			type = j != NULL || xcode == NULL ? error_type(j) :
			    xcode;
			msg = json_string_value(json_object_get(j, "message"));
			if (msg == NULL)
				msg = json_string_value(json_object_get(j,
				    "Message"));
			if (msg == NULL)
				msg = xmsg;
			/* The service's words: escaped, cut, secrets masked. */
			*errp = xasprintf("%s: HTTP %ld: %s%s%s", action,
			    status, ll_excerpt_str(etype, sizeof(etype), type),
			    msg != NULL ? ": " : "",
			    ll_excerpt_str(emsg, sizeof(emsg), msg));
			retry = status >= 500 || strcmp(type,
			    "ThrottlingException") == 0 || strcmp(type,
			    "ConcurrentModificationException") == 0;
			fresh = renew(a, cred, status, type, &renewed);
			json_decref(j);
			j = NULL;
			free(xcode);
			free(xmsg);
		}
		curl_slist_free_all(hdr);
		ll_creds_put(cred);
		if (fresh) {
			try--;		/* at once, and not counted */
			continue;
		}
		if (!retry || try >= a->retries)
			break;
		/* Jitter keeps many writers from retrying in step. */
		sleep_ms(delay / 2 + random() % (delay / 2 + 1));
		if (delay < 20000)
			delay *= 2;
	}
	curl_easy_setopt(a->curl, CURLOPT_HTTPHEADER, NULL);
	free(target);
	free(text);
	return j;
}

void
ll_awsjson_close(struct ll_aws *a)
{
	if (a == NULL)
		return;
	curl_easy_cleanup(a->curl);
	curl_global_cleanup();
	free(a->url);
	free(a->sigv4);
	free(a->target_prefix);
	ll_creds_free(a->creds);
	ll_jbuf_free(&a->resp);
	free(a);
}
