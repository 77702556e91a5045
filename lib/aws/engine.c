/*
 * The request engine.  One thread, one curl multi handle: requests
 * wait in a queue, start when a slot is free and the rate allows,
 * and on a failure that may pass they sleep in a retry list until
 * their backoff is over.  Messages name the request by its "what"
 * (an s3:// URL) and quote S3's error Code and Message only: an
 * error document can echo the signed request, so nothing else of it
 * is printed.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "excerpt.h"
#include "ll.h"
#include "aws/s3.h"
#include "aws/s3list.h"
#include "xalloc.h"
#include "aws/engine.h"

#define MAXERRBODY	(64 * 1024)
#define MAXBACKOFF_MS	20000
#define MAXMOVES	3	/* region moves of one request */

struct ll_engine {
	struct ll_engine_opts	 o;
	struct ll_s3conf	*conf;
	CURLM			*multi;
	struct ll_xfer		*qhead, *qtail;	/* waiting to start */
	struct ll_xfer		*sleeping;	/* waiting to retry */
	struct ll_xfer		*active;	/* running */
	unsigned		 nqueued, nactive, nsleeping;
	CURL			**pool;		/* idle easy handles */
	int			 npool;
	double			 next_slot;
};

double
ll_engine_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct ll_engine *
ll_engine_new(const struct ll_engine_opts *o, struct ll_s3conf *c)
{
	struct ll_engine *e;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		errx(LL_EXIT_IO, "cannot initialise libcurl");
	e = xcalloc(1, sizeof(*e));
	e->o = *o;
	e->conf = c;
	if ((e->multi = curl_multi_init()) == NULL)
		errx(LL_EXIT_IO, "cannot initialise libcurl");
	curl_multi_setopt(e->multi, CURLMOPT_MAXCONNECTS, (long)o->jobs);
	e->pool = xcalloc((size_t)o->jobs, sizeof(*e->pool));
	return e;
}

void
ll_engine_add(struct ll_engine *e, struct ll_xfer *x)
{
	x->next = NULL;
	x->attempts = 0;
	x->renewed = 0;
	if (e->qtail != NULL)
		e->qtail->next = x;
	else
		e->qhead = x;
	e->qtail = x;
	e->nqueued++;
}

unsigned
ll_engine_load(const struct ll_engine *e)
{
	return e->nqueued + e->nactive + e->nsleeping;
}

static size_t
on_header(char *buf, size_t size, size_t n, void *arg)
{
	struct ll_xfer *x = arg;
	size_t len = size * n, vlen;
	const char *v;

	x->last = ll_engine_now();
	if (len >= 5 && memcmp(buf, "HTTP/", 5) == 0) {
		x->clen = -1;
		x->etag[0] = x->region[0] = '\0';
		x->meta_sig[0] = x->meta_alg[0] = '\0';
		x->kms = 0;
		return len;
	}
	if ((v = memchr(buf, ':', len)) == NULL)
		return len;
	v++;
	while (v < buf + len && (*v == ' ' || *v == '\t'))
		v++;
	vlen = (size_t)(buf + len - v);
	while (vlen > 0 && (v[vlen - 1] == '\r' || v[vlen - 1] == '\n' ||
	    v[vlen - 1] == ' '))
		vlen--;
	if (x->ops->header != NULL)
		x->ops->header(x, buf, (size_t)(strchr(buf, ':') - buf), v,
		    vlen);
#define IS(h) (len > sizeof(h) && strncasecmp(buf, h ":", sizeof(h)) == 0)
	if (IS("ETag")) {
		if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
			v++;
			vlen -= 2;
		}
		if (vlen < sizeof(x->etag)) {
			memcpy(x->etag, v, vlen);
			x->etag[vlen] = '\0';
		}
	} else if (IS("Content-Length")) {
		x->clen = strtoll(v, NULL, 10);
	} else if (IS("x-amz-server-side-encryption")) {
		x->kms = vlen >= 7 && strncmp(v, "aws:kms", 7) == 0;
	} else if (IS("x-amz-bucket-region") && vlen < sizeof(x->region)) {
		memcpy(x->region, v, vlen);
		x->region[vlen] = '\0';
	} else if (IS("x-amz-meta-signature") && vlen < sizeof(x->meta_sig)) {
		memcpy(x->meta_sig, v, vlen);
		x->meta_sig[vlen] = '\0';
	} else if (IS("x-amz-meta-signature-algorithm") &&
	    vlen < sizeof(x->meta_alg)) {
		memcpy(x->meta_alg, v, vlen);
		x->meta_alg[vlen] = '\0';
	}
#undef IS
	return len;
}

static size_t
on_body(char *buf, size_t size, size_t n, void *arg)
{
	struct ll_xfer *x = arg;
	size_t len = size * n, k;
	long code = 0;

	x->last = ll_engine_now();
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code >= 200 && code < 300) {
		if (x->ops->body(x, buf, len) == -1) {
			x->localerr = 1;
			return 0;
		}
		x->got += (long long)len;
		return len;
	}
	k = x->errlen + len > MAXERRBODY ? MAXERRBODY - x->errlen : len;
	if (k > 0) {
		x->errbody = xrealloc(x->errbody, x->errlen + k);
		memcpy(x->errbody + x->errlen, buf, k);
		x->errlen += k;
	}
	return len;
}

/* The body of a PUT, from memory or read from its file as it goes. */
static size_t
on_send(char *buf, size_t size, size_t n, void *arg)
{
	struct ll_xfer *x = arg;
	size_t want = size * n;
	long long left = x->sendlen - x->sent;
	ssize_t r;

	x->last = ll_engine_now();
	if ((long long)want > left)
		want = (size_t)left;
	if (want == 0)
		return 0;
	if (x->sendmem != NULL) {
		memcpy(buf, x->sendmem + x->sent, want);
		r = (ssize_t)want;
	} else {
		do
			r = pread(x->sendfd, buf, want,
			    (off_t)(x->sendoff + x->sent));
		while (r == -1 && errno == EINTR);
		if (r <= 0) {
			snprintf(x->msg, sizeof(x->msg), "reading the body: %s",
			    r == 0 ? "the file got shorter" : strerror(errno));
			x->localerr = 1;
			return CURL_READFUNC_ABORT;
		}
	}
	x->sent += r;
	return (size_t)r;
}

/* libcurl rewinds a body it must send again (a redirect, an auth). */
static int
on_seek(void *arg, curl_off_t off, int origin)
{
	struct ll_xfer *x = arg;

	if (origin != SEEK_SET || off < 0 || off > x->sendlen)
		return CURL_SEEKFUNC_CANTSEEK;
	x->sent = off;
	return CURL_SEEKFUNC_OK;
}

/* What a request other than a plain GET needs. */
static void
set_method(CURL *h, struct ll_xfer *x)
{
	x->sent = 0;
	if (x->method == NULL)
		return;
	if (strcmp(x->method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	else if (strcmp(x->method, "POST") == 0) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)x->sendlen);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS,
		    x->sendmem != NULL ? x->sendmem : "");
	} else if (strcmp(x->method, "PUT") == 0) {
		curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE,
		    (curl_off_t)x->sendlen);
		curl_easy_setopt(h, CURLOPT_READFUNCTION, on_send);
		curl_easy_setopt(h, CURLOPT_READDATA, x);
		curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, on_seek);
		curl_easy_setopt(h, CURLOPT_SEEKDATA, x);
	} else
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, x->method);
}

static void
start(struct ll_engine *e, struct ll_xfer *x)
{
	CURL *h;

	if (e->npool > 0) {
		h = e->pool[--e->npool];
		curl_easy_reset(h);
	} else if ((h = curl_easy_init()) == NULL)
		errx(LL_EXIT_IO, "cannot initialise libcurl");
	x->easy = h;
	x->attempts++;
	x->status = 0;
	x->clen = -1;
	x->got = 0;
	x->etag[0] = x->region[0] = x->curlerr[0] = '\0';
	x->meta_sig[0] = x->meta_alg[0] = '\0';
	x->kms = x->localerr = x->expired = 0;
	free(x->errbody);
	x->errbody = NULL;
	x->errlen = 0;
	x->ops->begin(x);
	curl_easy_setopt(h, CURLOPT_URL, x->url);
	/* "a/../b" is a key of its own: its dot segments stay. */
	curl_easy_setopt(h, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(h, CURLOPT_PRIVATE, x);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->curlerr);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, e->o.timeout_s);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "ll-fetch/" LL_VERSION);
	set_method(h, x);
	ll_s3_setup(h, e->conf, x->bucket, &x->sign, x->payload, x->hdrs);
	snprintf(x->asked, sizeof(x->asked), "%s",
	    ll_s3_region(e->conf, x->bucket));
	if (curl_multi_add_handle(e->multi, h) != CURLM_OK)
		errx(LL_EXIT_IO, "cannot start a transfer");
	x->last = ll_engine_now();
	x->next = e->active;
	e->active = x;
	e->nactive++;
}

static int
retryable_curl(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_HTTP2:
	case CURLE_PARTIAL_FILE:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

/* Classifies a non-2xx answer, keeping S3's Code and Message. */
static enum ll_xverdict
http_verdict(struct ll_xfer *x)
{
	struct ll_s3list *doc;
	const char *code = NULL, *msg = NULL;
	char ecode[160], emsg[LL_EXCERPT_BUF], eregion[96];
	enum ll_xverdict v;

	doc = ll_s3list_new();
	if (doc != NULL && x->errlen > 0 &&
	    ll_s3list_feed(doc, x->errbody, x->errlen, 1) == 0) {
		code = ll_s3list_code(doc);
		msg = ll_s3list_message(doc);
	}
	/* What the server says is shown escaped, cut, secrets masked. */
	ll_excerpt_str(ecode, sizeof(ecode), code);
	ll_excerpt_str(emsg, sizeof(emsg), msg);
	ll_excerpt_str(eregion, sizeof(eregion), x->region);
	if (x->region[0] != '\0' && (x->status == 301 || x->status == 400))
		snprintf(x->msg, sizeof(x->msg), "HTTP %ld: the bucket is in "
		    "region %s; set AWS_REGION=%s", x->status, eregion,
		    eregion);
	else
		snprintf(x->msg, sizeof(x->msg), "HTTP %ld%s%s%s%s",
		    x->status, code != NULL ? " " : "", ecode,
		    msg != NULL ? ": " : "", emsg);
	x->expired = ll_creds_expired_code(code);
	v = LL_X_FAIL;
	if (x->status >= 500 || x->status == 429 || x->status == 408 ||
	    (code != NULL && (strcmp(code, "SlowDown") == 0 ||
	    strcmp(code, "RequestTimeout") == 0 ||
	    strcmp(code, "ConditionalRequestConflict") == 0 ||
	    strcmp(code, "InternalError") == 0)))
		v = LL_X_RETRY;
	ll_s3list_free(doc);
	return v;
}

static enum ll_xverdict
verdict(struct ll_xfer *x, CURLcode rc)
{
	if (x->localerr)
		return LL_X_FAIL;	/* body() said why, in msg */
	if (rc != CURLE_OK) {
		snprintf(x->msg, sizeof(x->msg), "%s%s%s%s",
		    curl_easy_strerror(rc), x->curlerr[0] != '\0' ? " (" : "",
		    x->curlerr, x->curlerr[0] != '\0' ? ")" : "");
		return retryable_curl(rc) ? LL_X_RETRY : LL_X_FAIL;
	}
	if (x->status < 200 || x->status >= 300)
		return http_verdict(x);
	if (x->clen >= 0 && x->got != x->clen && (x->method == NULL ||
	    strcmp(x->method, "HEAD") != 0)) {
		snprintf(x->msg, sizeof(x->msg), "short body: %lld of %lld "
		    "bytes", x->got, x->clen);
		return LL_X_RETRY;
	}
	x->msg[0] = '\0';
	return x->ops->check(x);
}

/* Equal jitter: half the exponential step, plus a random half. */
static double
backoff(const struct ll_engine *e, int attempt)
{
	double ms;
	int i;

	ms = (double)e->o.backoff_ms;
	for (i = 1; i < attempt && ms < MAXBACKOFF_MS; i++)
		ms *= 2;
	if (ms > MAXBACKOFF_MS)
		ms = MAXBACKOFF_MS;
	ms = ms / 2 + (double)arc4random_uniform((uint32_t)(ms / 2) + 1);
	return ms / 1000;
}

/*
 * The request was refused because its credentials had expired (S3
 * says ExpiredToken; or a 403 to a set whose Expiration has passed,
 * as when a clock is wrong): it goes again at once with a fresh set,
 * not counted as an attempt, once.
 */
static int
renewed(struct ll_engine *e, struct ll_xfer *x)
{
	struct ll_cred *c = x->sign.cred;

	if (c == NULL || x->renewed || (!x->expired && !(x->status == 403 &&
	    c->expires != 0 && time(NULL) >= c->expires)) ||
	    !ll_creds_expired(e->conf->creds, c))
		return 0;
	x->renewed = 1;
	x->attempts--;
	if (e->o.verbose)
		ll_msg("%s: %s; again with fresh credentials", x->what,
		    x->msg);
	return 1;
}

/* X goes again after WAIT seconds. */
static void
again(struct ll_engine *e, struct ll_xfer *x, double wait)
{
	x->due = ll_engine_now() + wait;
	x->next = e->sleeping;
	e->sleeping = x;
	e->nsleeping++;
}

/*
 * S3 answered that X's bucket is in another region (301, or 400 to a
 * request signed for the wrong one): X goes there at once, and that
 * is not counted as an attempt.  A few such moves at most, in case a
 * server keeps naming new regions.
 */
static int
moved(struct ll_engine *e, struct ll_xfer *x)
{
	if ((x->status != 301 && x->status != 400) || x->bucket == NULL ||
	    x->region[0] == '\0' || x->moves >= MAXMOVES ||
	    ll_s3_move(e->conf, x->bucket, x->asked, x->region,
	    &x->url) == -1)
		return 0;
	x->moves++;
	x->attempts--;
	if (e->o.verbose)
		ll_msg("%s: the bucket is in region %s; asking there",
		    x->what, x->region);
	return 1;
}

static void
finished(struct ll_engine *e, CURL *h, CURLcode rc)
{
	struct ll_xfer *x, **pp;
	enum ll_xverdict v;
	double wait;

	curl_easy_getinfo(h, CURLINFO_PRIVATE, (char **)&x);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &x->status);
	curl_multi_remove_handle(e->multi, h);
	for (pp = &e->active; *pp != x; pp = &(*pp)->next)
		;
	*pp = x->next;
	e->nactive--;
	v = verdict(x, rc);
	x->easy = NULL;
	e->pool[e->npool++] = h;
	if (moved(e, x) || (v != LL_X_OK && renewed(e, x))) {
		ll_s3_release(&x->sign);
		again(e, x, 0);
		return;
	}
	ll_s3_release(&x->sign);
	if (v == LL_X_RETRY && x->attempts <= e->o.retries) {
		wait = backoff(e, x->attempts);
		if (e->o.verbose)
			ll_msg("%s: %s; retry %d of %d in %.2f s", x->what,
			    x->msg, x->attempts, e->o.retries, wait);
		again(e, x, wait);
		return;
	}
	if (v == LL_X_RETRY)
		v = LL_X_FAIL;
	if (e->o.verbose)
		ll_msg("%s: %s%s", x->what, v == LL_X_OK ? "ok" : x->msg,
		    v == LL_X_OK || x->attempts == 1 ? "" :
		    " (retries used up)");
	free(x->errbody);
	x->errbody = NULL;
	free(x->url);
	x->url = NULL;
	x->ops->done(x, v);
}

/*
 * Ends transfers that received nothing for the timeout: curl's own
 * low-speed check averages over several seconds, this one does not.
 */
static void
stalled(struct ll_engine *e)
{
	struct ll_xfer *x, *next;
	double now = ll_engine_now();

	for (x = e->active; x != NULL; x = next) {
		next = x->next;
		if (now - x->last < (double)e->o.timeout_s)
			continue;
		snprintf(x->curlerr, sizeof(x->curlerr), "no data for %ld s",
		    e->o.timeout_s);
		finished(e, x->easy, CURLE_OPERATION_TIMEDOUT);
	}
}

/* Moves retries that are due back to the front of the queue. */
static void
wake(struct ll_engine *e, double now)
{
	struct ll_xfer **pp, *x;

	for (pp = &e->sleeping; (x = *pp) != NULL;) {
		if (x->due > now) {
			pp = &x->next;
			continue;
		}
		*pp = x->next;
		e->nsleeping--;
		x->next = e->qhead;
		e->qhead = x;
		if (e->qtail == NULL)
			e->qtail = x;
		e->nqueued++;
	}
}

/* Starts what the slots and the rate allow; returns ms until more may. */
static int
launch(struct ll_engine *e)
{
	struct ll_xfer *x;
	double now, wait;
	struct ll_xfer *s;

	now = ll_engine_now();
	wake(e, now);
	while (e->qhead != NULL && e->nactive < (unsigned)e->o.jobs) {
		if (e->o.rate > 0) {
			if (e->next_slot > now)
				break;
			e->next_slot = (e->next_slot > now ? e->next_slot :
			    now) + 1 / e->o.rate;
		}
		x = e->qhead;
		e->qhead = x->next;
		if (e->qhead == NULL)
			e->qtail = NULL;
		e->nqueued--;
		start(e, x);
	}
	wait = 1;
	if (e->qhead != NULL && e->nactive < (unsigned)e->o.jobs &&
	    e->o.rate > 0)
		wait = e->next_slot - now;
	for (s = e->sleeping; s != NULL; s = s->next)
		if (s->due - now < wait)
			wait = s->due - now;
	return wait <= 0 ? 0 : (int)(wait * 1000) + 1;
}

/*
 * One turn of the loop: start requests, wait for sockets and the NFDS
 * descriptors FDS at most MAXWAIT ms, move data, finish requests.
 * Returns a mask with bit I set when FDS[I] is readable.
 */
int
ll_engine_step(struct ll_engine *e, const int *fds, int nfds, int maxwait)
{
	struct curl_waitfd w[4];
	CURLMsg *m;
	int i, running, left, wait, numfds, ready;

	if (nfds > 4)
		nfds = 4;
	wait = launch(e);
	if (wait > maxwait)
		wait = maxwait;
	memset(w, 0, sizeof(w));
	for (i = 0; i < nfds; i++) {
		w[i].fd = fds[i];
		w[i].events = CURL_WAIT_POLLIN;
	}
	if (ll_engine_load(e) == 0 && nfds == 0)
		return 0;
	if (curl_multi_poll(e->multi, w, (unsigned)nfds, wait, &numfds) !=
	    CURLM_OK)
		errx(LL_EXIT_IO, "curl_multi_poll failed");
	if (curl_multi_perform(e->multi, &running) != CURLM_OK)
		errx(LL_EXIT_IO, "curl_multi_perform failed");
	while ((m = curl_multi_info_read(e->multi, &left)) != NULL)
		if (m->msg == CURLMSG_DONE)
			finished(e, m->easy_handle, m->data.result);
	stalled(e);
	ready = 0;
	for (i = 0; i < nfds; i++)
		if (w[i].revents & CURL_WAIT_POLLIN)
			ready |= 1 << i;
	return ready;
}

void
ll_engine_free(struct ll_engine *e)
{
	int i;

	if (e == NULL)
		return;
	for (i = 0; i < e->npool; i++)
		curl_easy_cleanup(e->pool[i]);
	free(e->pool);
	curl_multi_cleanup(e->multi);
	free(e);
	curl_global_cleanup();
}
