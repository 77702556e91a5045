/*
 * Fetching credentials: running a credential_process, asking STS
 * (AssumeRole, signed; AssumeRoleWithWebIdentity, unsigned), the
 * container endpoint and EC2 instance metadata.  Answers are bounded
 * in size, parsed, then wiped.  A reason for failure quotes the
 * status, the service's error code and message, or the position of
 * a JSON error, never the answer itself: it may hold a secret.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <expat.h>
#include <jansson.h>

#include "aws/credsrc.h"
#include "excerpt.h"
#include "isotime.h"
#include "json/jscan.h"
#include "json/json.h"
#include "ll.h"
#include "xalloc.h"

#define MAXANSWER	(256 * 1024)
#define MAXTOKEN	(64 * 1024)
#define IMDS_TTL	"21600"

extern char **environ;

struct ll_cred *
ll_credsrc_new(const char *akid, const char *secret, const char *token,
    time_t expires)
{
	struct ll_cred *c;

	c = xcalloc(1, sizeof(*c));
	c->akid = xstrdup(akid);
	c->secret = xstrdup(secret);
	c->token = token != NULL && *token != '\0' ? xstrdup(token) : NULL;
	/* A service's error text that repeats them shows them masked. */
	ll_excerpt_secret(c->akid);
	ll_excerpt_secret(c->secret);
	ll_excerpt_secret(c->token);
	c->got = time(NULL);
	c->expires = expires;
	atomic_init(&c->refs, 1);
	return c;
}

static void
wipe(struct ll_jbuf *b)
{
	if (b->p != NULL)
		explicit_bzero(b->p, b->len);
	ll_jbuf_free(b);
}

/* An ISO 8601 Expiration, or 0 for none.  Returns -1 if unreadable. */
static int
expiry(const char *s, time_t *t)
{
	int64_t ms;

	*t = 0;
	if (s == NULL)
		return 0;
	if (ll_isotime_parse(s, strlen(s), &ms) == -1 || ms <= 0)
		return -1;
	*t = (time_t)(ms / 1000);
	return 0;
}

/* Credentials out of a JSON answer; TOKNAME is "Token" or "SessionToken". */
static struct ll_cred *
from_json(const struct ll_jbuf *b, const char *tokname, const char *what,
    char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *j;
	const char *akid, *secret, *token;
	struct ll_cred *c = NULL;
	time_t t;

	j = ll_json_parse(b->p != NULL ? b->p : "", b->len, &jerr);
	if (!json_is_object(j)) {
		snprintf(err, errlen, "%s: the answer is not a JSON object "
		    "(line %d, column %d)", what, jerr.line, jerr.column);
		json_decref(j);
		return NULL;
	}
	akid = json_string_value(json_object_get(j, "AccessKeyId"));
	secret = json_string_value(json_object_get(j, "SecretAccessKey"));
	token = json_string_value(json_object_get(j, tokname));
	if (akid == NULL || secret == NULL || *akid == '\0' ||
	    *secret == '\0')
		snprintf(err, errlen, "%s: no AccessKeyId and "
		    "SecretAccessKey in the answer", what);
	else if (expiry(json_string_value(json_object_get(j, "Expiration")),
	    &t) == -1)
		snprintf(err, errlen, "%s: Expiration is not an ISO 8601 time",
		    what);
	else
		c = ll_credsrc_new(akid, secret, token, t);
	json_decref(j);
	return c;
}

/*
 * credential_process: the command runs under /bin/sh with standard
 * input from /dev/null (ll-fetch's input is the listing), its output
 * read into memory, its errors going to ours.
 */
static int
spawn(const char *cmd, int fd, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t dflt;
	char *argv[4];
	int rc;

	argv[0] = xstrdup("sh");
	argv[1] = xstrdup("-c");
	argv[2] = xstrdup(cmd);
	argv[3] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd, 1);
	posix_spawnattr_init(&at);
	/* ll-fetch ignores SIGPIPE; the command should not inherit that. */
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);
	posix_spawnattr_setsigdefault(&at, &dflt);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(pid, "/bin/sh", &fa, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	free(argv[0]);
	free(argv[1]);
	free(argv[2]);
	return rc;
}

static int
read_all(int fd, struct ll_jbuf *b)
{
	char buf[4096];
	ssize_t n;
	int toolong = 0;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (b->len + (size_t)n > MAXANSWER)
			toolong = 1;
		else
			ll_jbuf_add(b, buf, (size_t)n);
	}
	explicit_bzero(buf, sizeof(buf));
	return toolong ? -1 : 0;
}

struct ll_cred *
ll_credsrc_process(const char *cmd, char *err, size_t errlen)
{
	struct ll_jbuf out = { 0 };
	struct ll_cred *c = NULL;
	json_error_t jerr;
	json_t *j;
	pid_t pid;
	int p[2], rc, status, toolong;

	if (pipe(p) == -1) {
		snprintf(err, errlen, "credential_process: pipe: %s",
		    strerror(errno));
		return NULL;
	}
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	rc = spawn(cmd, p[1], &pid);
	close(p[1]);
	if (rc != 0) {
		close(p[0]);
		snprintf(err, errlen, "credential_process: /bin/sh: %s",
		    strerror(rc));
		return NULL;
	}
	toolong = read_all(p[0], &out);
	close(p[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (WIFSIGNALED(status))
		snprintf(err, errlen, "credential_process: killed by signal "
		    "%d", WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		snprintf(err, errlen, "credential_process: exited with "
		    "status %d", WEXITSTATUS(status));
	else if (toolong)
		snprintf(err, errlen, "credential_process: more than %d "
		    "bytes of output", MAXANSWER);
	else {
		j = ll_json_parse(out.p != NULL ? out.p : "", out.len, &jerr);
		if (json_integer_value(json_object_get(j, "Version")) != 1)
			snprintf(err, errlen, "credential_process: the "
			    "output is not a JSON object with \"Version\": 1");
		else
			c = from_json(&out, "SessionToken",
			    "credential_process", err, errlen);
		json_decref(j);
	}
	wipe(&out);
	return c;
}

static size_t
collect(char *p, size_t size, size_t n, void *arg)
{
	struct ll_jbuf *b = arg;

	if (b->len + size * n > MAXANSWER)
		return 0;
	ll_jbuf_add(b, p, size * n);
	return size * n;
}

struct http {
	const char	*method;	/* NULL: GET, or POST with a body */
	const char	*url;
	struct curl_slist *hdrs;
	const char	*body;
	long		 connect_s, total_s;
	int		 tries;		/* attempts when no answer comes */
	int		 metadata;	/* a link-local service: no proxy */
	const char	*sigv4;		/* sign with SIGNER */
	const struct ll_cred *signer;
};

/* The HTTP status, or -1 with ERR set when no answer came. */
static long
http(const struct http *r, struct ll_jbuf *resp, const char *what,
    char *err, size_t errlen)
{
	char cerr[CURL_ERROR_SIZE];
	const char *ca;
	CURLcode rc = CURLE_OK;
	long status = -1;
	CURL *h;
	int try;

	if ((h = curl_easy_init()) == NULL)
		errx(LL_EXIT_IO, "cannot initialise libcurl");
	curl_easy_setopt(h, CURLOPT_URL, r->url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, r->connect_s);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, r->total_s);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, resp);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "loglake/" LL_VERSION);
	if ((ca = getenv("AWS_CA_BUNDLE")) != NULL && *ca != '\0')
		curl_easy_setopt(h, CURLOPT_CAINFO, ca);
	if (r->metadata)
		curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
	if (r->hdrs != NULL)
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, r->hdrs);
	if (r->method != NULL)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, r->method);
	if (r->body != NULL)
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, r->body);
	if (r->signer != NULL) {
		curl_easy_setopt(h, CURLOPT_AWS_SIGV4, r->sigv4);
		curl_easy_setopt(h, CURLOPT_USERNAME, r->signer->akid);
		curl_easy_setopt(h, CURLOPT_PASSWORD, r->signer->secret);
	}
	for (try = 0; try < r->tries; try++) {
		resp->len = 0;
		cerr[0] = '\0';
		if ((rc = curl_easy_perform(h)) == CURLE_OK) {
			curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
			break;
		}
	}
	if (rc != CURLE_OK)
		snprintf(err, errlen, "%s: %s", what, cerr[0] != '\0' ? cerr :
		    curl_easy_strerror(rc));
	curl_easy_cleanup(h);
	return status;
}

static struct curl_slist *
hdr(struct curl_slist *l, const char *name, const char *v)
{
	struct curl_slist *n;
	char *s;

	s = xasprintf("%s: %s", name, v);
	if ((n = curl_slist_append(l, s)) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	explicit_bzero(s, strlen(s));
	free(s);
	return n;
}

/* The text of a few elements of an STS answer, the first of each. */
enum { X_AKID, X_SECRET, X_TOKEN, X_EXPIRES, X_CODE, X_MESSAGE, X_N };
static const char *const xnames[X_N] = { "AccessKeyId", "SecretAccessKey",
    "SessionToken", "Expiration", "Code", "Message" };

struct xgrab {
	char		*got[X_N];
	int		 cur;
	struct ll_jbuf	 text;
};

static void
x_start(void *arg, const char *name, const char **attrs)
{
	struct xgrab *x = arg;
	int i;

	(void)attrs;
	for (i = 0; i < X_N && x->cur == -1; i++)
		if (x->got[i] == NULL && strcmp(name, xnames[i]) == 0) {
			x->cur = i;
			x->text.len = 0;
		}
}

static void
x_end(void *arg, const char *name)
{
	struct xgrab *x = arg;

	if (x->cur == -1 || strcmp(name, xnames[x->cur]) != 0)
		return;
	x->got[x->cur] = xstrndup(x->text.p != NULL ? x->text.p : "",
	    x->text.len);
	x->cur = -1;
}

static void
x_text(void *arg, const char *s, int len)
{
	struct xgrab *x = arg;

	if (x->cur != -1 && len > 0)
		ll_jbuf_add(&x->text, s, (size_t)len);
}

static int
xml_grab(const struct ll_jbuf *b, struct xgrab *x)
{
	XML_Parser p;
	int ok;

	memset(x, 0, sizeof(*x));
	x->cur = -1;
	if ((p = XML_ParserCreate(NULL)) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, x_start, x_end);
	XML_SetCharacterDataHandler(p, x_text);
	ok = XML_Parse(p, b->p != NULL ? b->p : "", (int)b->len, 1) ==
	    XML_STATUS_OK;
	XML_ParserFree(p);
	wipe(&x->text);
	return ok ? 0 : -1;
}

static void
xgrab_free(struct xgrab *x)
{
	int i;

	for (i = 0; i < X_N; i++) {
		if (x->got[i] != NULL)
			explicit_bzero(x->got[i], strlen(x->got[i]));
		free(x->got[i]);
	}
}

static char *
sts_url(const char *region)
{
	const char *v;
	size_t n;

	if (((v = getenv("AWS_ENDPOINT_URL_STS")) != NULL && *v != '\0') ||
	    ((v = getenv("AWS_ENDPOINT_URL")) != NULL && *v != '\0')) {
		n = strlen(v);
		while (n > 0 && v[n - 1] == '/')
			n--;
		return xasprintf("%.*s/", (int)n, v);
	}
	return xasprintf("https://sts.%s.amazonaws.com%s/", region,
	    strncmp(region, "cn-", 3) == 0 ? ".cn" : "");
}

static void
form(struct ll_jbuf *b, const char *name, const char *value)
{
	char *e;

	if (value == NULL)
		return;
	if ((e = curl_easy_escape(NULL, value, 0)) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	ll_jbuf_adds(b, "&");
	ll_jbuf_adds(b, name);
	ll_jbuf_adds(b, "=");
	ll_jbuf_adds(b, e);
	explicit_bzero(e, strlen(e));
	curl_free(e);
}

static char *
sts_body(const struct ll_sts_req *q)
{
	struct ll_jbuf b = { 0 };
	char dur[32], *s;

	ll_jbuf_adds(&b, "Action=");
	ll_jbuf_adds(&b, q->action);
	ll_jbuf_adds(&b, "&Version=2011-06-15");
	form(&b, "RoleArn", q->role_arn);
	form(&b, "RoleSessionName", q->session);
	form(&b, "ExternalId", q->external_id);
	form(&b, "WebIdentityToken", q->web_token);
	if (q->duration > 0) {
		snprintf(dur, sizeof(dur), "%ld", q->duration);
		form(&b, "DurationSeconds", dur);
	}
	s = xstrndup(b.p, b.len);
	wipe(&b);
	return s;
}

/* Reads STS's answer: credentials, or the error it names. */
static struct ll_cred *
sts_answer(const struct ll_sts_req *q, long status, struct ll_jbuf *resp,
    char *err, size_t errlen)
{
	struct ll_cred *c = NULL;
	struct xgrab x;
	time_t t;

	if (xml_grab(resp, &x) == -1 && status == 200)
		snprintf(err, errlen, "STS %s %s: the answer is not XML",
		    q->action, q->role_arn);
	else if (status != 200)
		snprintf(err, errlen, "STS %s %s: HTTP %ld%s%s%s%s",
		    q->action, q->role_arn, status,
		    x.got[X_CODE] != NULL ? " " : "",
		    x.got[X_CODE] != NULL ? x.got[X_CODE] : "",
		    x.got[X_MESSAGE] != NULL ? ": " : "",
		    x.got[X_MESSAGE] != NULL ? x.got[X_MESSAGE] : "");
	else if (x.got[X_AKID] == NULL || x.got[X_SECRET] == NULL ||
	    x.got[X_TOKEN] == NULL)
		snprintf(err, errlen, "STS %s %s: no credentials in the answer",
		    q->action, q->role_arn);
	else if (expiry(x.got[X_EXPIRES], &t) == -1)
		snprintf(err, errlen, "STS %s %s: Expiration is not an ISO "
		    "8601 time", q->action, q->role_arn);
	else
		c = ll_credsrc_new(x.got[X_AKID], x.got[X_SECRET], x.got[X_TOKEN],
		    t);
	xgrab_free(&x);
	return c;
}

/*
 * A call to STS in the query protocol: a form POST, signed with
 * SIGNER for AssumeRole, unsigned for AssumeRoleWithWebIdentity.  A
 * network error, a 5xx answer or throttling is tried again, 3 times
 * in all.
 */
struct ll_cred *
ll_credsrc_sts(const struct ll_sts_req *q, const struct ll_cred *signer,
    char *err, size_t errlen)
{
	struct ll_jbuf resp = { 0 };
	struct ll_cred *c = NULL;
	struct http r;
	char *sig = NULL, *body, *what;
	long status;
	int try;

	memset(&r, 0, sizeof(r));
	r.url = sts_url(q->region);
	r.body = body = sts_body(q);
	r.connect_s = 10;
	r.total_s = 30;
	r.tries = 1;
	r.hdrs = hdr(NULL, "Content-Type",
	    "application/x-www-form-urlencoded; charset=utf-8");
	if (signer != NULL) {
		r.sigv4 = sig = xasprintf("aws:amz:%s:sts", q->region);
		r.signer = signer;
		if (signer->token != NULL)
			r.hdrs = hdr(r.hdrs, "X-Amz-Security-Token",
			    signer->token);
	}
	what = xasprintf("STS %s %s: %s", q->action, q->role_arn, r.url);
	for (try = 0; try < 3 && c == NULL; try++) {
		if (try > 0)
			sleep((unsigned)try);
		status = http(&r, &resp, what, err, errlen);
		if (status != -1)
			c = sts_answer(q, status, &resp, err, errlen);
		if (status != -1 && status < 500 && strstr(err,
		    "Throttling") == NULL)
			break;
	}
	wipe(&resp);
	curl_slist_free_all(r.hdrs);
	explicit_bzero(body, strlen(body));
	free(body);
	free(sig);
	free(what);
	free((char *)r.url);
	return c;
}

/* A token file (web identity, container authorization), trimmed. */
char *
ll_credsrc_readtoken(const char *path, char *err, size_t errlen)
{
	struct ll_jbuf b = { 0 };
	char *s;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (read_all(fd, &b) == -1 || b.len > MAXTOKEN) {
		close(fd);
		wipe(&b);
		snprintf(err, errlen, "%s: more than %d bytes", path,
		    MAXTOKEN);
		return NULL;
	}
	close(fd);
	while (b.len > 0 && (b.p[b.len - 1] == '\n' ||
	    b.p[b.len - 1] == '\r' || b.p[b.len - 1] == ' ' ||
	    b.p[b.len - 1] == '\t'))
		b.len--;
	s = b.len > 0 ? xstrndup(b.p, b.len) : NULL;
	wipe(&b);
	if (s == NULL)
		snprintf(err, errlen, "%s: empty", path);
	else if (strpbrk(s, "\r\n") != NULL) {
		snprintf(err, errlen, "%s: more than one line", path);
		explicit_bzero(s, strlen(s));
		free(s);
		s = NULL;
	}
	return s;
}

/*
 * The ECS/EKS container endpoint at URL, with the authorization
 * token from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read each time:
 * EKS rotates it) or AWS_CONTAINER_AUTHORIZATION_TOKEN.
 */
struct ll_cred *
ll_credsrc_container(const char *url, char *err, size_t errlen)
{
	struct ll_jbuf resp = { 0 };
	struct ll_cred *c = NULL;
	struct http r;
	const char *file, *tok;
	char *ftok = NULL;
	long status;

	memset(&r, 0, sizeof(r));
	file = getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
	tok = getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN");
	if (file != NULL && *file != '\0') {
		if ((ftok = ll_credsrc_readtoken(file, err, errlen)) == NULL)
			return NULL;
		tok = ftok;
	}
	if (tok != NULL && strpbrk(tok, "\r\n") != NULL) {
		snprintf(err, errlen, "AWS_CONTAINER_AUTHORIZATION_TOKEN: "
		    "more than one line");
		return NULL;
	}
	if (tok != NULL && *tok != '\0')
		r.hdrs = hdr(NULL, "Authorization", tok);
	r.url = url;
	r.connect_s = 2;
	r.total_s = 5;
	r.tries = 2;
	r.metadata = 1;
	status = http(&r, &resp, "container endpoint", err, errlen);
	if (status == 200)
		c = from_json(&resp, "Token", "container endpoint", err,
		    errlen);
	else if (status != -1)
		snprintf(err, errlen, "container endpoint: HTTP %ld", status);
	wipe(&resp);
	curl_slist_free_all(r.hdrs);
	if (ftok != NULL) {
		explicit_bzero(ftok, strlen(ftok));
		free(ftok);
	}
	return c;
}

/*
 * EC2 instance metadata at BASE, IMDSv2: a session token first (PUT),
 * then the role's name and its credentials.  An old service that
 * does not know tokens (403, 404 or 405 to the PUT) is asked without
 * one.  Short timeouts: on a machine that is not an EC2 instance the
 * address answers nothing, and that must cost about two seconds.
 */
struct ll_cred *
ll_credsrc_imds(const char *base, char *err, size_t errlen, char *role,
    size_t rolelen)
{
	struct ll_jbuf resp = { 0 };
	struct ll_cred *c = NULL;
	struct curl_slist *tokhdr = NULL;
	struct http r;
	char *url, *nl;
	long status;

	role[0] = '\0';
	memset(&r, 0, sizeof(r));
	r.url = url = xasprintf("%s/latest/api/token", base);
	r.method = "PUT";
	r.hdrs = hdr(NULL, "X-aws-ec2-metadata-token-ttl-seconds",
	    IMDS_TTL);
	r.connect_s = 1;
	r.total_s = 2;
	r.tries = 2;
	r.metadata = 1;
	status = http(&r, &resp, base, err, errlen);
	curl_slist_free_all(r.hdrs);
	free(url);
	if (status == 200 && resp.len > 0) {
		ll_jbuf_addc(&resp, '\0');
		tokhdr = hdr(NULL, "X-aws-ec2-metadata-token", resp.p);
	} else if (status != 403 && status != 404 && status != 405) {
		if (status != -1)
			snprintf(err, errlen, "%s: token request: HTTP %ld",
			    base, status);
		wipe(&resp);
		return NULL;
	}
	r.method = NULL;
	r.hdrs = tokhdr;
	r.url = url = xasprintf("%s/latest/meta-data/iam/"
	    "security-credentials/", base);
	status = http(&r, &resp, base, err, errlen);
	free(url);
	if (status == 200 && resp.len > 0) {
		ll_jbuf_addc(&resp, '\0');
		if ((nl = strpbrk(resp.p, "\r\n")) != NULL)
			*nl = '\0';
		snprintf(role, rolelen, "%s", resp.p);
		r.url = url = xasprintf("%s/latest/meta-data/iam/"
		    "security-credentials/%s", base, role);
		status = http(&r, &resp, base, err, errlen);
		free(url);
		if (status == 200)
			c = from_json(&resp, "Token", "instance metadata",
			    err, errlen);
	}
	if (status == 404 && role[0] == '\0')
		snprintf(err, errlen, "%s: no IAM role is attached to this "
		    "instance", base);
	else if (status != 200 && status != -1)
		snprintf(err, errlen, "%s: HTTP %ld%s", base, status,
		    status == 401 ? " (the IMDSv2 token was refused)" : "");
	wipe(&resp);
	curl_slist_free_all(tokhdr);
	return c;
}
