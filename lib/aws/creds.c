/*
 * The credential chain.  The first source that is configured is the
 * one used for the whole run: the environment, the profile, web
 * identity, the container endpoint, instance metadata.  A source that
 * is configured but fails is an error, as in the SDKs, rather than a
 * reason to try the next one and sign as someone else.  Temporary
 * credentials are fetched again a while before they expire (five
 * minutes, or half their lifetime when that is shorter); a request
 * refused as expired forces that early.  One mutex guards the chain,
 * and a set stays alive while any request still holds it.
 */
#include <err.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "aws/awsconf.h"
#include "aws/creds.h"
#include "aws/credsrc.h"
#include "excerpt.h"
#include "ll.h"
#include "xalloc.h"

#define MAXMARGIN	300	/* refresh this long before expiry, at most */
#define MAXDEPTH	8	/* source_profile links */
#define IMDS_URL	"http://169.254.169.254"
#define IMDS6_URL	"http://[fd00:ec2::254]"
#define ECS_URL		"http://169.254.170.2"

enum kind { K_STATIC, K_PROCESS, K_ASSUME, K_WEBID, K_CONTAINER, K_IMDS };

struct src {
	enum kind	 kind;
	char		*desc;		/* what -v says; no secrets */
	struct ll_cred	*fixed;		/* K_STATIC */
	char		*cmd;		/* K_PROCESS */
	char		*role_arn;	/* K_ASSUME, K_WEBID */
	char		*session;
	char		*external_id;
	char		*token_file;	/* K_WEBID */
	char		*region;
	long		 duration;
	char		*url;		/* K_CONTAINER, K_IMDS */
	char		 role[256];	/* K_IMDS: the instance's role */
	struct src	*inner;		/* K_ASSUME: whose keys sign */
	struct ll_cred	*cur;
	time_t		 next_try;	/* no due refresh before this */
	time_t		 failed_until;	/* nor any, after a failure */
};

struct ll_creds {
	pthread_mutex_t	 mu;
	int		 flags;
	int		 resolved;
	struct src	*src;
	unsigned	 gen;
	time_t		 warned;
};

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

void
ll_creds_put(struct ll_cred *c)
{
	if (c == NULL || atomic_fetch_sub(&c->refs, 1) != 1)
		return;
	explicit_bzero(c->secret, strlen(c->secret));
	if (c->token != NULL)
		explicit_bzero(c->token, strlen(c->token));
	free(c->akid);
	free(c->secret);
	free(c->token);
	free(c);
}

static struct src *
src_new(enum kind k, char *desc)
{
	struct src *s;

	s = xcalloc(1, sizeof(*s));
	s->kind = k;
	s->desc = desc;
	return s;
}

static void
src_free(struct src *s)
{
	if (s == NULL)
		return;
	src_free(s->inner);
	ll_creds_put(s->fixed);
	ll_creds_put(s->cur);
	free(s->desc);
	free(s->cmd);
	free(s->role_arn);
	free(s->session);
	free(s->external_id);
	free(s->token_file);
	free(s->region);
	free(s->url);
	free(s);
}

struct ll_creds *
ll_creds_new(int flags)
{
	struct ll_creds *cr;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		errx(LL_EXIT_IO, "cannot initialise libcurl");
	cr = xcalloc(1, sizeof(*cr));
	pthread_mutex_init(&cr->mu, NULL);
	cr->flags = flags;
	return cr;
}

void
ll_creds_free(struct ll_creds *cr)
{
	if (cr == NULL)
		return;
	src_free(cr->src);
	pthread_mutex_destroy(&cr->mu);
	free(cr);
	curl_global_cleanup();
	ll_excerpt_forget();	/* the copies kept for masking */
}

/* AWS_PROFILE must name a profile that exists: exits 4 if not. */
static const char *
profile_name(const struct ll_awsconf *conf)
{
	const char *profile;
	int named;

	profile = ll_awsconf_profile(&named);
	if (named && !ll_awsconf_has(conf, profile))
		errx(LL_EXIT_REMOTE, "AWS_PROFILE: profile \"%s\" is not in "
		    "%s%s%s", profile, ll_awsconf_files(conf),
		    ll_awsconf_error(conf) != NULL ? "; " : "",
		    ll_awsconf_error(conf) != NULL ? ll_awsconf_error(conf) :
		    "");
	return profile;
}

/*
 * AWS_REGION, AWS_DEFAULT_REGION or the profile's region; or NULL.
 * Exits 4 when it must read a profile that AWS_PROFILE names and
 * neither file has.
 */
char *
ll_creds_region(void)
{
	struct ll_awsconf *conf;
	const char *v;
	char *r = NULL;

	if ((v = env("AWS_REGION")) != NULL ||
	    (v = env("AWS_DEFAULT_REGION")) != NULL)
		return xstrdup(v);
	conf = ll_awsconf_load();
	if ((v = ll_awsconf_get(conf, profile_name(conf), "region")) != NULL)
		r = xstrdup(v);
	ll_awsconf_free(conf);
	return r;
}

/* The error codes AWS services answer a request with expired keys. */
int
ll_creds_expired_code(const char *code)
{
	return code != NULL && (strcmp(code, "ExpiredToken") == 0 ||
	    strcmp(code, "ExpiredTokenException") == 0 ||
	    strcmp(code, "TokenRefreshRequired") == 0);
}

/* The last four characters of a key id: enough to tell two apart. */
static const char *
tail(const char *akid)
{
	size_t n = strlen(akid);

	return n > 4 ? akid + n - 4 : akid;
}

static void
fmt_time(time_t t, char *buf, size_t len)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
say(const struct ll_creds *cr, const struct src *s, const struct ll_cred *c)
{
	char when[32];

	if (!(cr->flags & LL_CREDS_VERBOSE))
		return;
	fmt_time(c->expires, when, sizeof(when));
	fprintf(stderr, "%s: credentials: %s%s; key ...%s%s%s\n", ll_progname,
	    c->gen > 1 ? "refreshed from " : "", s->desc, tail(c->akid),
	    c->expires != 0 ? ", expire " : "", c->expires != 0 ? when : "");
}

static struct ll_cred *
fetch(struct src *s, char *err, size_t errlen);

static time_t
margin(const struct ll_cred *c)
{
	time_t life = c->expires - c->got;

	if (life / 2 < MAXMARGIN)
		return life > 0 ? life / 2 : 0;
	return MAXMARGIN;
}

static int
due(const struct src *s, time_t now)
{
	return s->cur == NULL || (s->cur->expires != 0 &&
	    now >= s->cur->expires - margin(s->cur));
}

/*
 * S's current set, fetched again first when due or FORCE.  A failed
 * refresh leaves ERR set and returns the old set while there is one:
 * it may still be good, and the caller says whether it warns.
 */
static struct ll_cred *
cached(struct src *s, int force, char *err, size_t errlen)
{
	struct ll_cred *c;
	time_t now = time(NULL);

	err[0] = '\0';
	if (s->cur == NULL || (now >= s->failed_until && (force ||
	    (due(s, now) && now >= s->next_try)))) {
		c = fetch(s, err, errlen);
		/*
		 * Pace refreshes: a source that fails is not asked again
		 * for 10 s, and one whose sets are due at once (a lifetime
		 * of seconds) not more than once a second.  A forced one
		 * (a request was refused) skips the second rule: each
		 * request forces at most one.
		 */
		if (c == NULL)
			s->failed_until = now + 10;
		s->next_try = now + 1;
		if (c != NULL) {
			ll_creds_put(s->cur);
			s->cur = c;
		}
	}
	if (s->cur == NULL)
		return NULL;
	atomic_fetch_add(&s->cur->refs, 1);
	return s->cur;
}

static struct ll_cred *
fetch(struct src *s, char *err, size_t errlen)
{
	struct ll_sts_req q;
	struct ll_cred *c, *signer;
	char *tok;

	memset(&q, 0, sizeof(q));
	q.role_arn = s->role_arn;
	q.session = s->session;
	q.external_id = s->external_id;
	q.duration = s->duration;
	q.region = s->region;
	switch (s->kind) {
	case K_STATIC:
		atomic_fetch_add(&s->fixed->refs, 1);
		return s->fixed;
	case K_PROCESS:
		return ll_credsrc_process(s->cmd, err, errlen);
	case K_ASSUME:
		signer = cached(s->inner, 0, err, errlen);
		if (signer == NULL || (err[0] != '\0' &&
		    signer->expires != 0 && time(NULL) >= signer->expires)) {
			ll_creds_put(signer);
			return NULL;
		}
		q.action = "AssumeRole";
		c = ll_credsrc_sts(&q, signer, err, errlen);
		ll_creds_put(signer);
		return c;
	case K_WEBID:
		if ((tok = ll_credsrc_readtoken(s->token_file, err,
		    errlen)) == NULL)
			return NULL;
		q.action = "AssumeRoleWithWebIdentity";
		q.web_token = tok;
		c = ll_credsrc_sts(&q, NULL, err, errlen);
		explicit_bzero(tok, strlen(tok));
		free(tok);
		return c;
	case K_CONTAINER:
		return ll_credsrc_container(s->url, err, errlen);
	case K_IMDS:
		return ll_credsrc_imds(s->url, err, errlen, s->role,
		    sizeof(s->role));
	}
	return NULL;
}

/* The tried-list of the "no credentials" message. */
struct tried {
	char	 buf[2048];
	size_t	 len;
};

static void __attribute__((format(printf, 2, 3)))
tried(struct tried *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->len >= sizeof(t->buf) - 1)
		return;
	if (t->len > 0)
		t->len += (size_t)snprintf(t->buf + t->len,
		    sizeof(t->buf) - t->len, "; ");
	if (t->len >= sizeof(t->buf) - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(t->buf + t->len, sizeof(t->buf) - t->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n;
}

static struct src *
static_src(const char *akid, const char *secret, const char *token,
    char *desc)
{
	struct src *s;

	s = src_new(K_STATIC, desc);
	s->fixed = ll_credsrc_new(akid, secret, token, 0);
	return s;
}

static struct src *
env_src(void)
{
	const char *akid = env("AWS_ACCESS_KEY_ID");

	if (akid == NULL)
		return NULL;
	if (env("AWS_SECRET_ACCESS_KEY") == NULL)
		errx(LL_EXIT_REMOTE, "AWS_ACCESS_KEY_ID is set but "
		    "AWS_SECRET_ACCESS_KEY is not");
	return static_src(akid, env("AWS_SECRET_ACCESS_KEY"),
	    env("AWS_SESSION_TOKEN"), xstrdup(env("AWS_SESSION_TOKEN") !=
	    NULL ? "environment (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN)" :
	    "environment (AWS_ACCESS_KEY_ID)"));
}

static char *
session_name(const char *given)
{
	if (given != NULL)
		return xstrdup(given);
	return xasprintf("loglake-%lld", (long long)time(NULL));
}

static char *
sts_region(void)
{
	char *r = ll_creds_region();

	return r != NULL ? r : xstrdup("us-east-1");
}

static struct src *
webid_src(const char *file, const char *role, const char *session)
{
	struct src *s;

	s = src_new(K_WEBID, xasprintf("web identity (role %s, token "
	    "file %s)", role, file));
	s->token_file = xstrdup(file);
	s->role_arn = xstrdup(role);
	s->session = session_name(session);
	s->region = sts_region();
	return s;
}

static int
loopback_host(const char *h)
{
	return strcmp(h, "localhost") == 0 || strncmp(h, "127.", 4) == 0 ||
	    strcmp(h, "[::1]") == 0 || strcmp(h, "::1") == 0 ||
	    strcmp(h, "169.254.170.2") == 0 ||
	    strcmp(h, "169.254.170.23") == 0 ||
	    strcasecmp(h, "[fd00:ec2::23]") == 0 ||
	    strcasecmp(h, "fd00:ec2::23") == 0;
}

/*
 * AWS_CONTAINER_CREDENTIALS_FULL_URI may be any https:// URL, but
 * plain http:// only to this host or the ECS and EKS agents, as the
 * SDKs allow.  What -v says of it is the scheme, host and port: a
 * path can hold a credential id.
 */
static char *
full_uri_desc(const char *uri)
{
	CURLU *u;
	char *scheme = NULL, *host = NULL, *port = NULL, *d = NULL;

	if ((u = curl_url()) == NULL)
		errx(LL_EXIT_IO, "out of memory");
	if (curl_url_set(u, CURLUPART_URL, uri, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    (strcmp(scheme, "https") == 0 || (strcmp(scheme, "http") == 0 &&
	    loopback_host(host)))) {
		curl_url_get(u, CURLUPART_PORT, &port, 0);
		d = xasprintf("container endpoint %s://%s%s%s", scheme, host,
		    port != NULL ? ":" : "", port != NULL ? port : "");
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	if (d == NULL)
		errx(LL_EXIT_REMOTE, "AWS_CONTAINER_CREDENTIALS_FULL_URI: not "
		    "an https:// URL, nor http:// to a loopback address or the "
		    "ECS or EKS credential agent");
	return d;
}

static struct src *
container_src(void)
{
	const char *rel, *full;
	struct src *s;

	if ((rel = env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) != NULL) {
		if (rel[0] != '/')
			errx(LL_EXIT_REMOTE, "AWS_CONTAINER_CREDENTIALS_"
			    "RELATIVE_URI: does not start with /");
		s = src_new(K_CONTAINER, xstrdup("container endpoint "
		    ECS_URL " (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)"));
		s->url = xasprintf("%s%s", ECS_URL, rel);
		return s;
	}
	if ((full = env("AWS_CONTAINER_CREDENTIALS_FULL_URI")) == NULL)
		return NULL;
	s = src_new(K_CONTAINER, full_uri_desc(full));
	s->url = xstrdup(full);
	return s;
}

static char *
imds_url(void)
{
	const char *v;
	size_t n;

	if ((v = env("AWS_EC2_METADATA_SERVICE_ENDPOINT")) != NULL) {
		n = strlen(v);
		while (n > 0 && v[n - 1] == '/')
			n--;
		return xstrndup(v, n);
	}
	v = env("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE");
	return xstrdup(v != NULL && strcasecmp(v, "IPv6") == 0 ? IMDS6_URL :
	    IMDS_URL);
}

/* Instance metadata is asked at once: that is how it is found. */
static struct src *
imds_src(struct tried *t)
{
	const char *off;
	struct src *s;
	char err[512];

	off = env("AWS_EC2_METADATA_DISABLED");
	if (off != NULL && strcasecmp(off, "true") == 0) {
		tried(t, "EC2 instance metadata: AWS_EC2_METADATA_DISABLED "
		    "is true");
		return NULL;
	}
	s = src_new(K_IMDS, NULL);
	s->url = imds_url();
	if ((s->cur = ll_credsrc_imds(s->url, err, sizeof(err), s->role,
	    sizeof(s->role))) == NULL) {
		tried(t, "EC2 instance metadata: %s", err);
		src_free(s);
		return NULL;
	}
	s->desc = xasprintf("EC2 instance metadata %s (role %s)", s->url,
	    s->role);
	return s;
}

static struct src *profile_src(const struct ll_awsconf *, const char *,
    int, char *, size_t);

/* credential_source: where a role profile's signing keys come from. */
static struct src *
named_source(const char *profile, const char *what)
{
	struct tried t = { .len = 0 };
	struct src *s = NULL;

	if (strcmp(what, "Environment") == 0)
		s = env_src();
	else if (strcmp(what, "EcsContainer") == 0)
		s = container_src();
	else if (strcmp(what, "Ec2InstanceMetadata") == 0)
		s = imds_src(&t);
	else
		errx(LL_EXIT_REMOTE, "profile \"%s\": credential_source %s: "
		    "not Environment, Ec2InstanceMetadata or EcsContainer",
		    profile, what);
	if (s == NULL)
		errx(LL_EXIT_REMOTE, "profile \"%s\": credential_source %s: "
		    "no credentials there%s%s", profile, what,
		    t.len > 0 ? ": " : "", t.buf);
	return s;
}

static long
seconds(const char *v)
{
	char *end;
	long n;

	n = strtol(v, &end, 10);
	return end != v && *end == '\0' && n >= 900 && n <= 43200 ? n : -1;
}

static struct src *
role_src(const struct ll_awsconf *conf, const char *name, int depth,
    int has_static)
{
	const char *role, *srcp, *csrc, *wtf, *v;
	struct src *s, *inner;
	char err[512];

#define GET(k) ll_awsconf_get(conf, name, k)
	role = GET("role_arn");
	srcp = GET("source_profile");
	csrc = GET("credential_source");
	wtf = GET("web_identity_token_file");
	if (GET("mfa_serial") != NULL)
		errx(LL_EXIT_REMOTE, "profile \"%s\": mfa_serial needs a code "
		    "typed in, which a batch tool cannot ask for", name);
	if (wtf != NULL && srcp == NULL && csrc == NULL) {
		s = webid_src(wtf, role, GET("role_session_name"));
		free(s->desc);
		s->desc = xasprintf("profile \"%s\" (web identity, role %s)",
		    name, role);
		return s;
	}
	if ((srcp != NULL) == (csrc != NULL))
		errx(LL_EXIT_REMOTE, "profile \"%s\": role_arn needs exactly "
		    "one of source_profile and credential_source", name);
	if (csrc != NULL)
		inner = named_source(name, csrc);
	else if (strcmp(srcp, name) == 0 && has_static)
		inner = static_src(GET("aws_access_key_id"),
		    GET("aws_secret_access_key"), GET("aws_session_token"),
		    xasprintf("profile \"%s\" (static keys)", name));
	else if (strcmp(srcp, name) == 0 || depth >= MAXDEPTH)
		errx(LL_EXIT_REMOTE, "profile \"%s\": source_profile makes a "
		    "loop", name);
	else if ((inner = profile_src(conf, srcp, depth + 1, err,
	    sizeof(err))) == NULL)
		errx(LL_EXIT_REMOTE, "profile \"%s\": source_profile: %s",
		    name, err);
	s = src_new(K_ASSUME, xasprintf("profile \"%s\" (assume role %s "
	    "with %s)", name, role, inner->desc));
	s->inner = inner;
	s->role_arn = xstrdup(role);
	s->session = session_name(GET("role_session_name"));
	if ((v = GET("external_id")) != NULL)
		s->external_id = xstrdup(v);
	if ((v = GET("duration_seconds")) != NULL &&
	    (s->duration = seconds(v)) == -1)
		errx(LL_EXIT_REMOTE, "profile \"%s\": duration_seconds: %s: "
		    "not a number from 900 to 43200", name, v);
	s->region = sts_region();
	return s;
#undef GET
}

/*
 * The source profile NAME describes, or NULL with ERR saying why
 * there is none.  As in the SDKs, role_arn wins over static keys in
 * the profile asked for, and static keys win in a source profile.
 */
static struct src *
profile_src(const struct ll_awsconf *conf, const char *name, int depth,
    char *err, size_t errlen)
{
	const char *akid, *secret, *cmd;

#define GET(k) ll_awsconf_get(conf, name, k)
	if (!ll_awsconf_has(conf, name)) {
		snprintf(err, errlen, "profile \"%s\" is not in %s%s%s", name,
		    ll_awsconf_files(conf), ll_awsconf_error(conf) != NULL ?
		    "; " : "", ll_awsconf_error(conf) != NULL ?
		    ll_awsconf_error(conf) : "");
		return NULL;
	}
	akid = GET("aws_access_key_id");
	secret = GET("aws_secret_access_key");
	if ((akid != NULL) != (secret != NULL))
		errx(LL_EXIT_REMOTE, "profile \"%s\": %s without %s in %s",
		    name, akid != NULL ? "aws_access_key_id" :
		    "aws_secret_access_key", akid != NULL ?
		    "aws_secret_access_key" : "aws_access_key_id",
		    ll_awsconf_file(conf, name, akid != NULL ?
		    "aws_access_key_id" : "aws_secret_access_key"));
	if (GET("role_arn") != NULL && !(depth > 0 && akid != NULL))
		return role_src(conf, name, depth, akid != NULL);
	if (akid != NULL)
		return static_src(akid, secret, GET("aws_session_token"),
		    xasprintf("profile \"%s\" (static keys in %s)", name,
		    ll_awsconf_file(conf, name, "aws_access_key_id")));
	if ((cmd = GET("credential_process")) != NULL) {
		struct src *s = src_new(K_PROCESS, xasprintf("profile \"%s\" "
		    "(credential_process)", name));
		s->cmd = xstrdup(cmd);
		return s;
	}
	if (GET("sso_session") != NULL || GET("sso_start_url") != NULL)
		errx(LL_EXIT_REMOTE, "profile \"%s\": IAM Identity Center "
		    "(SSO) sign-in is not supported; use credential_process "
		    "= aws configure export-credentials --profile NAME "
		    "--format process", name);
	snprintf(err, errlen, "profile \"%s\" has no credentials", name);
	return NULL;
#undef GET
}

static struct src *
webid_env_src(struct tried *t)
{
	const char *file = env("AWS_WEB_IDENTITY_TOKEN_FILE");

	if (file == NULL) {
		tried(t, "web identity: AWS_WEB_IDENTITY_TOKEN_FILE not set");
		return NULL;
	}
	if (env("AWS_ROLE_ARN") == NULL)
		errx(LL_EXIT_REMOTE, "AWS_WEB_IDENTITY_TOKEN_FILE is set but "
		    "AWS_ROLE_ARN is not");
	return webid_src(file, env("AWS_ROLE_ARN"),
	    env("AWS_ROLE_SESSION_NAME"));
}

/* Walks the chain; exits 4, saying what was tried, when it is empty. */
static void
resolve(struct ll_creds *cr)
{
	struct ll_awsconf *conf;
	struct tried t = { .len = 0 };
	const char *profile;
	char err[1024];

	conf = ll_awsconf_load();
	profile = profile_name(conf);
	if ((cr->src = env_src()) == NULL)
		tried(&t, "environment: AWS_ACCESS_KEY_ID not set");
	if (cr->src == NULL && (cr->src = profile_src(conf, profile, 0, err,
	    sizeof(err))) == NULL)
		tried(&t, "%s", err);
	if (cr->src == NULL)
		cr->src = webid_env_src(&t);
	if (cr->src == NULL && (cr->src = container_src()) == NULL)
		tried(&t, "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI "
		    "and AWS_CONTAINER_CREDENTIALS_FULL_URI not set");
	if (cr->src == NULL)
		cr->src = imds_src(&t);
	ll_awsconf_free(conf);
	if (cr->src == NULL)
		errx(LL_EXIT_REMOTE, "no AWS credentials found: %s%s", t.buf,
		    cr->flags & LL_CREDS_MAY_UNSIGN ? "; for a public bucket, "
		    "use --no-sign-request" : "");
	cr->resolved = 1;
}

/*
 * A failed refresh: at -v always, otherwise only once the set in use
 * has expired, and then once a minute, so a long run says why its
 * requests fail without saying it for each.
 */
static void
refresh_failed(struct ll_creds *cr, const struct ll_cred *c,
    const char *err)
{
	time_t now = time(NULL);
	char when[32];

	if (!(cr->flags & LL_CREDS_VERBOSE) &&
	    (now < c->expires || now < cr->warned + 60))
		return;
	cr->warned = now;
	fmt_time(c->expires, when, sizeof(when));
	fprintf(stderr, "%s: credentials: refresh failed: %s; the current "
	    "ones expire%s %s\n", ll_progname, err, now >= c->expires ?
	    "d" : "", when);
}

static void
numbered(struct ll_creds *cr, struct ll_cred *c)
{
	if (c->gen != 0)
		return;
	c->gen = ++cr->gen;
	say(cr, cr->src, c);
}

/*
 * The set to sign a request with, which the caller gives back with
 * ll_creds_put() once the request is done; NULL for unsigned requests
 * (--no-sign-request).  The first call walks the chain and exits 4
 * when it finds nothing or the source fails.
 */
struct ll_cred *
ll_creds_get(struct ll_creds *cr)
{
	struct ll_cred *c;
	char err[1024];

	if (cr->flags & LL_CREDS_UNSIGNED)
		return NULL;
	pthread_mutex_lock(&cr->mu);
	if (!cr->resolved)
		resolve(cr);
	if ((c = cached(cr->src, 0, err, sizeof(err))) == NULL)
		errx(LL_EXIT_REMOTE, "credentials: %s: %s", cr->src->desc,
		    err);
	if (err[0] != '\0')
		refresh_failed(cr, c, err);
	numbered(cr, c);
	pthread_mutex_unlock(&cr->mu);
	return c;
}

/*
 * A request signed with USED was refused because the credentials had
 * expired.  Unless a newer set is already there, fetches one now.
 * Returns 1 when the request may be tried again with a newer set.
 */
int
ll_creds_expired(struct ll_creds *cr, struct ll_cred *used)
{
	struct ll_cred *c;
	char err[1024];
	int fresh;

	if (used == NULL || cr->src == NULL || cr->src->kind == K_STATIC)
		return 0;
	pthread_mutex_lock(&cr->mu);
	if (cr->src->cur == used) {
		c = cached(cr->src, 1, err, sizeof(err));
		if (err[0] != '\0')
			refresh_failed(cr, c, err);
		numbered(cr, c);
		ll_creds_put(c);
	}
	fresh = cr->src->cur != used;
	pthread_mutex_unlock(&cr->mu);
	return fresh;
}
