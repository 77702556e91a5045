/*
 * The digest parser.  A digest is small (an hour of log file names),
 * so jansson builds the tree; every field the validator relies on is
 * then checked for type and shape before it is copied out.  Strings
 * holding control characters are refused: the string to sign joins
 * fields with newlines, and no field CloudTrail writes has one.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "digest.h"
#include "isotime.h"
#include "json/json.h"
#include "ll.h"
#include "xalloc.h"

struct ctx {
	char	*why;
	int	 bad;
};

static void LL_PRINTF(2, 3)
refuse(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->bad++)
		return;
	va_start(ap, fmt);
	vsnprintf(c->why, LL_DIGEST_WHY, fmt, ap);
	va_end(ap);
}

/* Is S (N bytes) hex digits only, and WANT of them unless WANT is 0? */
int
ll_digest_hex(const char *s, size_t n, size_t want)
{
	size_t i;

	if (n == 0 || (want != 0 && n != want))
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f') ||
		    (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	return 1;
}

static int
clean(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

/*
 * The string at NAME in O: NULL when it is null or absent and NULLOK,
 * else a checked copy (empty strings refused).
 */
static char *
field(struct ctx *c, json_t *o, const char *name, int nullok)
{
	json_t *v;
	size_t n;

	v = json_object_get(o, name);
	if (v == NULL || json_is_null(v)) {
		if (!nullok)
			refuse(c, "%s is %s", name, v == NULL ? "missing" :
			    "null");
		return NULL;
	}
	if (!json_is_string(v)) {
		refuse(c, "%s is not a string", name);
		return NULL;
	}
	n = json_string_length(v);
	if (n == 0 || !clean(json_string_value(v), n)) {
		refuse(c, "%s is %s", name, n == 0 ? "empty" :
		    "not printable text");
		return NULL;
	}
	return xstrndup(json_string_value(v), n);
}

/* A hex field of exactly N digits into OUT, lowercased. */
static int
hexfield(struct ctx *c, json_t *o, const char *name, char *out, size_t n,
    int nullok)
{
	char *s;
	size_t i;

	out[0] = '\0';
	if ((s = field(c, o, name, nullok)) == NULL)
		return -1;
	if (!ll_digest_hex(s, strlen(s), n)) {
		refuse(c, "%s is not %zu hex digits", name, n);
		free(s);
		return -1;
	}
	for (i = 0; i < n; i++)
		out[i] = (s[i] >= 'A' && s[i] <= 'F') ? s[i] - 'A' + 'a' : s[i];
	out[n] = '\0';
	free(s);
	return 0;
}

static void
timefield(struct ctx *c, json_t *o, const char *name, char **s, int64_t *t)
{
	int64_t ms;

	if ((*s = field(c, o, name, 0)) == NULL)
		return;
	if (ll_isotime_parse(*s, strlen(*s), &ms) == -1)
		refuse(c, "%s is not an ISO-8601 time", name);
	*t = ms / 1000;
}

/* A fixed text, when present and not null. */
static void
literal(struct ctx *c, json_t *o, const char *name, const char *want,
    int nullok)
{
	char *s;

	if ((s = field(c, o, name, nullok)) != NULL && strcmp(s, want) != 0)
		refuse(c, "%s is not %s", name, want);
	free(s);
}

static void
logfiles(struct ctx *c, json_t *o, struct ll_digest *d)
{
	json_t *a, *e;
	struct ll_digest_log *l;
	size_t i;

	a = json_object_get(o, "logFiles");
	if (!json_is_array(a)) {
		refuse(c, "logFiles is %s", a == NULL ? "missing" :
		    "not an array");
		return;
	}
	d->logs = xcalloc(json_array_size(a) + 1, sizeof(*d->logs));
	json_array_foreach(a, i, e) {
		if (!json_is_object(e)) {
			refuse(c, "logFiles[%zu] is not an object", i);
			return;
		}
		l = &d->logs[d->nlogs++];
		l->bucket = field(c, e, "s3Bucket", 0);
		l->key = field(c, e, "s3Object", 0);
		hexfield(c, e, "hashValue", l->hash, 64, 0);
		literal(c, e, "hashAlgorithm", "SHA-256", 1);
		if (c->bad) {
			/* Name the entry: the field alone is ambiguous. */
			snprintf(c->why + strlen(c->why), LL_DIGEST_WHY -
			    strlen(c->why), " in logFiles[%zu]", i);
			return;
		}
	}
}

/* The previous* fields: all of them, or none (a chain's first digest). */
static void
previous(struct ctx *c, json_t *o, struct ll_digest *d)
{
	d->prev_bucket = field(c, o, "previousDigestS3Bucket", 1);
	d->prev_key = field(c, o, "previousDigestS3Object", 1);
	d->prev_sig = field(c, o, "previousDigestSignature", 1);
	if (json_object_get(o, "previousDigestSignature") == NULL)
		refuse(c, "previousDigestSignature is missing");
	if (d->prev_key == NULL && d->prev_bucket == NULL &&
	    d->prev_sig == NULL) {
		d->prev_hash[0] = '\0';
		return;
	}
	if (d->prev_key == NULL || d->prev_bucket == NULL ||
	    d->prev_sig == NULL) {
		refuse(c, "previousDigest fields are partly null");
		return;
	}
	hexfield(c, o, "previousDigestHashValue", d->prev_hash, 64, 0);
	literal(c, o, "previousDigestHashAlgorithm", "SHA-256", 1);
	if (!c->bad && !ll_digest_hex(d->prev_sig, strlen(d->prev_sig), 0))
		refuse(c, "previousDigestSignature is not hex");
}

/*
 * Parses the uncompressed digest BUF of LEN bytes into D.  Returns 0,
 * or -1 with the reason in WHY (D is then freed).
 */
int
ll_digest_parse(const char *buf, size_t len, struct ll_digest *d,
    char why[LL_DIGEST_WHY])
{
	struct ctx c = { why, 0 };
	json_error_t jerr;
	json_t *o;

	memset(d, 0, sizeof(*d));
	why[0] = '\0';
	if ((o = ll_json_parse(buf, len, &jerr)) == NULL) {
		refuse(&c, "not JSON: byte %d: %s", jerr.position, jerr.text);
		return -1;
	}
	if (!json_is_object(o))
		refuse(&c, "not a JSON object");
	else {
		d->account = field(&c, o, "awsAccountId", 0);
		d->bucket = field(&c, o, "digestS3Bucket", 0);
		d->key = field(&c, o, "digestS3Object", 0);
		timefield(&c, o, "digestStartTime", &d->start, &d->tstart);
		timefield(&c, o, "digestEndTime", &d->end, &d->tend);
		hexfield(&c, o, "digestPublicKeyFingerprint", d->fingerprint,
		    32, 0);
		literal(&c, o, "digestSignatureAlgorithm", "SHA256withRSA", 0);
		previous(&c, o, d);
		if (!c.bad)
			logfiles(&c, o, d);
	}
	json_decref(o);
	if (c.bad) {
		ll_digest_free(d);
		return -1;
	}
	return 0;
}

void
ll_digest_free(struct ll_digest *d)
{
	size_t i;

	free(d->account);
	free(d->bucket);
	free(d->key);
	free(d->start);
	free(d->end);
	free(d->prev_bucket);
	free(d->prev_key);
	free(d->prev_sig);
	for (i = 0; i < d->nlogs; i++) {
		free(d->logs[i].bucket);
		free(d->logs[i].key);
	}
	free(d->logs);
	memset(d, 0, sizeof(*d));
}

/*
 * What CloudTrail signs: the end time, bucket/key, the hex SHA-256 of
 * the uncompressed digest (HEXSHA) and the previous digest's signature,
 * "null" for the first of a chain, joined by newlines.
 */
char *
ll_digest_tosign(const struct ll_digest *d, const char *hexsha, size_t *lenp)
{
	char *s;

	s = xasprintf("%s\n%s/%s\n%s\n%s", d->end, d->bucket, d->key, hexsha,
	    d->prev_sig != NULL ? d->prev_sig : "null");
	*lenp = strlen(s);
	return s;
}

/* Reads N digits at S into *V; -1 if one is not a digit. */
static int
num(const char *s, size_t n, int *v)
{
	*v = 0;
	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		*v = *v * 10 + (*s++ - '0');
	}
	return 0;
}

/*
 * YYYYMMDDTHHMM[SS]Z at S (WITHSEC: with seconds) into seconds since
 * the epoch; -1 when it is not a real time.
 */
static int
stamp(const char *s, int withsec, int64_t *t)
{
	char day[11];
	int y, mo, d, h, mi, sec = 0;
	const char *z = s + (withsec ? 15 : 13);

	if (num(s, 4, &y) || num(s + 4, 2, &mo) || num(s + 6, 2, &d) ||
	    s[8] != 'T' || num(s + 9, 2, &h) || num(s + 11, 2, &mi) ||
	    (withsec && num(s + 13, 2, &sec)) || *z != 'Z' || h > 23 ||
	    mi > 59 || sec > 59)
		return -1;
	memcpy(day, s, 4);
	day[4] = '-';
	memcpy(day + 5, s + 4, 2);
	day[7] = '-';
	memcpy(day + 8, s + 6, 2);
	day[10] = '\0';
	if (!ll_isotime_day_valid(day, 10))
		return -1;
	*t = ll_isotime_days(y, (unsigned)mo, (unsigned)d) * 86400 +
	    h * 3600 + mi * 60 + sec;
	return 0;
}

static int
trailchar(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
}

/*
 * The last segment of KEY (LEN bytes), the name CloudTrail gives a
 * digest of ACCOUNT in REGION: ACCOUNT_CloudTrail-Digest_REGION_TRAIL_
 * HOME_YYYYMMDDTHHMMSSZ[_backfill].json.gz.  The trail name may hold
 * underscores, so the name is read from both ends.  Returns 0 or -1.
 */
int
ll_digest_name_parse(const char *key, size_t len, const char *account,
    const char *region, struct ll_digest_name *nm)
{
	const char *p, *end = key + len, *home, *trail;
	size_t pre;
	char head[128];

	memset(nm, 0, sizeof(*nm));
	for (p = end; p > key && p[-1] != '/'; p--)
		;
	if ((size_t)(end - p) < 8 || memcmp(end - 8, ".json.gz", 8) != 0)
		return -1;
	end -= 8;
	if (end - p > 9 && memcmp(end - 9, "_backfill", 9) == 0) {
		nm->backfill = 1;
		end -= 9;
	}
	pre = (size_t)snprintf(head, sizeof(head), "%s_CloudTrail-Digest_%s_",
	    account, region);
	if (pre >= sizeof(head) || (size_t)(end - p) < pre + 1 + 1 + 1 + 17 ||
	    memcmp(p, head, pre) != 0 || end[-17] != '_' ||
	    stamp(end - 16, 1, &nm->tend) == -1)
		return -1;
	trail = p + pre;
	end -= 17;
	for (home = end; home > trail && home[-1] != '_'; home--)
		;
	if (home == trail || (size_t)(end - home) >= sizeof(nm->home) ||
	    (size_t)(home - 1 - trail) >= sizeof(nm->trail) ||
	    home - 1 == trail)
		return -1;
	for (p = trail; p < home - 1; p++)
		if (!trailchar(*p))
			return -1;
	for (p = home; p < end; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return -1;
	memcpy(nm->trail, trail, (size_t)(home - 1 - trail));
	memcpy(nm->home, home, (size_t)(end - home));
	return 0;
}

/*
 * The key CloudTrail would give the digest of the same trail ending at
 * TEND: ACCOUNT_DIR (LEN bytes, "[prefix/]AWSLogs/[o-ORG/]ACCOUNT/")
 * followed by CloudTrail-Digest/REGION/YYYY/MM/DD/NAME.
 */
char *
ll_digest_key(const char *acctdir, size_t len, const char *account,
    const char *region, const struct ll_digest_name *nm, int64_t tend)
{
	char iso[21];

	ll_digest_isotime(tend, iso);
	return xasprintf("%.*sCloudTrail-Digest/%s/%.4s/%.2s/%.2s/"
	    "%s_CloudTrail-Digest_%s_%s_%s_"
	    "%.4s%.2s%.2sT%.2s%.2s%.2sZ%s.json.gz",
	    (int)len, acctdir, region, iso, iso + 5, iso + 8, account, region,
	    nm->trail, nm->home, iso, iso + 5, iso + 8, iso + 11, iso + 14,
	    iso + 17, nm->backfill ? "_backfill" : "");
}

/*
 * The delivery time in a log file's name, ACCOUNT_CloudTrail_REGION_
 * YYYYMMDDTHHMMZ_UNIQUE.json.gz, from the last segment of KEY.
 */
int
ll_digest_logtime(const char *key, size_t len, int64_t *t)
{
	const char *p, *end = key + len, *u;
	int n;

	for (p = end; p > key && p[-1] != '/'; p--)
		;
	/* Three underscores: after ACCOUNT, CloudTrail and REGION. */
	for (n = 0, u = p; u < end && n < 3; u++)
		if (*u == '_')
			n++;
	if (n < 3 || end - u < 15 || u[14] != '_')
		return -1;
	return stamp(u, 0, t);
}

/* T as YYYY-MM-DDTHH:MM:SSZ. */
void
ll_digest_isotime(int64_t t, char out[21])
{
	char day[11];
	int64_t s;

	s = ((t % 86400) + 86400) % 86400;
	ll_isotime_day((t - s) * 1000, day);
	snprintf(out, 21, "%.10sT%02d:%02d:%02dZ", day, (int)(s / 3600),
	    (int)(s / 60 % 60), (int)(s % 60));
}
