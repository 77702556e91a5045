/*
 * The S3 key parser.  Keys are untrusted bytes of any length, so the
 * parser walks them with a cursor, copies only fields it has fully
 * validated into fixed buffers, and reports a field only when the key
 * states it: a key that merely resembles a layout is "other".
 */
#include <string.h>

#include "lake/s3key.h"

struct seg {
	const char	*p;
	size_t		 n;
};

/* Takes the next '/'-separated segment; 0 when none is left. */
static int
next_seg(const char **cur, const char *end, struct seg *s)
{
	const char *slash;

	if (*cur == NULL || *cur > end)
		return 0;
	s->p = *cur;
	slash = memchr(*cur, '/', (size_t)(end - *cur));
	if (slash == NULL) {
		s->n = (size_t)(end - *cur);
		*cur = NULL;
	} else {
		s->n = (size_t)(slash - *cur);
		*cur = slash + 1;
	}
	return 1;
}

static int
seg_is(const struct seg *s, const char *lit)
{
	return s->n == strlen(lit) && memcmp(s->p, lit, s->n) == 0;
}

static int
all_digits(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return n > 0;
}

static int
num(const char *p, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* A real calendar day from year, month and day digits. */
static int
valid_day(const char *y, const char *m, const char *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	int yy, mm, dd, max;

	if (!all_digits(y, 4) || !all_digits(m, 2) || !all_digits(d, 2))
		return 0;
	yy = num(y, 4);
	mm = num(m, 2);
	dd = num(d, 2);
	if (yy < 1970 || mm < 1 || mm > 12)
		return 0;
	max = mdays[mm - 1];
	if (mm == 2 && (yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0)))
		max = 29;
	return dd >= 1 && dd <= max;
}

static int
valid_hour(const char *h)
{
	return all_digits(h, 2) && num(h, 2) <= 23;
}

/* o- followed by 10 to 32 lowercase letters or digits. */
static int
valid_org(const struct seg *s)
{
	size_t i;

	if (s->n < 12 || s->n > 34 || s->p[0] != 'o' || s->p[1] != '-')
		return 0;
	for (i = 2; i < s->n; i++)
		if (!((s->p[i] >= 'a' && s->p[i] <= 'z') ||
		    (s->p[i] >= '0' && s->p[i] <= '9')))
			return 0;
	return 1;
}

/* Lowercase words and a number joined by dashes: us-gov-west-1. */
static int
valid_region(const struct seg *s)
{
	size_t i;
	int dashes = 0;

	if (s->n < 4 || s->n > 32 || s->p[0] < 'a' || s->p[0] > 'z' ||
	    s->p[s->n - 1] < '0' || s->p[s->n - 1] > '9')
		return 0;
	for (i = 0; i < s->n; i++) {
		if (s->p[i] == '-') {
			if (s->p[i - 1] == '-')
				return 0;
			dashes++;
		} else if (!((s->p[i] >= 'a' && s->p[i] <= 'z') ||
		    (s->p[i] >= '0' && s->p[i] <= '9')))
			return 0;
	}
	return dashes >= 2;
}

static void
put(char *dst, size_t size, const struct seg *s)
{
	size_t n = s->n < size - 1 ? s->n : size - 1;

	memcpy(dst, s->p, n);
	dst[n] = '\0';
}

static void
put_day(char *dst, const struct seg *y, const struct seg *m,
    const struct seg *d)
{
	memcpy(dst, y->p, 4);
	dst[4] = '-';
	memcpy(dst + 5, m->p, 2);
	dst[7] = '-';
	memcpy(dst + 8, d->p, 2);
	dst[10] = '\0';
}

static int
has_prefix(const struct seg *s, const char *a, const char *b,
    const char *c)
{
	size_t na = strlen(a), nb = strlen(b), nc = strlen(c);

	return s->n > na + nb + nc &&
	    memcmp(s->p, a, na) == 0 && memcmp(s->p + na, b, nb) == 0 &&
	    memcmp(s->p + na + nb, c, nc) == 0;
}

static int
has_suffix(const struct seg *s, const char *suf)
{
	size_t n = strlen(suf);

	return s->n > n && memcmp(s->p + s->n - n, suf, n) == 0;
}

/*
 * Tries the AWSLogs layout at CUR, just past an "AWSLogs/" segment.
 * The service, region and date segments fill the fields; the kind
 * needs the file name CloudTrail gives its files as well.
 */
static int
parse_awslogs(const char *cur, const char *end, struct ll_s3key *k)
{
	struct seg org = { NULL, 0 }, acct, svc, reg, y, m, d, file;
	int hasorg;

	if (!next_seg(&cur, end, &acct))
		return 0;
	hasorg = valid_org(&acct);
	if (hasorg) {
		org = acct;
		if (!next_seg(&cur, end, &acct))
			return 0;
	}
	if (acct.n != 12 || !all_digits(acct.p, 12) ||
	    !next_seg(&cur, end, &svc) || svc.n == 0 ||
	    !next_seg(&cur, end, &reg) || !valid_region(&reg) ||
	    !next_seg(&cur, end, &y) || y.n != 4 ||
	    !next_seg(&cur, end, &m) || m.n != 2 ||
	    !next_seg(&cur, end, &d) || d.n != 2 ||
	    !valid_day(y.p, m.p, d.p) || !next_seg(&cur, end, &file))
		return 0;
	if (hasorg)
		put(k->org, sizeof(k->org), &org);
	put(k->account, sizeof(k->account), &acct);
	put(k->region, sizeof(k->region), &reg);
	put_day(k->day, &y, &m, &d);
	if (cur != NULL || file.n == 0)
		return 1;	/* deeper, or a folder marker */
	if (seg_is(&svc, "CloudTrail") &&
	    has_prefix(&file, k->account, "_CloudTrail_", k->region) &&
	    has_suffix(&file, ".json.gz"))
		k->kind = LL_S3K_CLOUDTRAIL;
	else if (seg_is(&svc, "CloudTrail-Digest") &&
	    has_prefix(&file, k->account, "_CloudTrail-Digest_", k->region) &&
	    has_suffix(&file, ".json.gz"))
		k->kind = LL_S3K_DIGEST;
	return 1;
}

/* Takes the segment that ends at CUR; 0 when none is left. */
static int
prev_seg(const char *key, const char **cur, struct seg *s)
{
	const char *p;

	if (*cur == NULL)
		return 0;
	for (p = *cur; p > key && p[-1] != '/'; p--)
		;
	s->p = p;
	s->n = (size_t)(*cur - p);
	*cur = p > key ? p - 1 : NULL;
	return 1;
}

static int
seg_same(const struct seg *a, const struct seg *b)
{
	return a->n == b->n && memcmp(a->p, b->p, a->n) == 0;
}

/*
 * A CloudTrail file name, ACCOUNT_CloudTrail_REGION_..., or a digest's,
 * ACCOUNT_CloudTrail-Digest_REGION_..., ending in .json.gz: the kind,
 * with the account, the service and the region it states; LL_S3K_OTHER
 * for any other name.
 */
static enum ll_s3kind
trail_file(const struct seg *f, struct seg *acct, struct seg *svc,
    struct seg *reg)
{
	enum ll_s3kind kind;
	const char *p, *end = f->p + f->n, *us;

	if (f->n < 13 || !all_digits(f->p, 12) || f->p[12] != '_' ||
	    !has_suffix(f, ".json.gz"))
		return LL_S3K_OTHER;
	acct->p = f->p;
	acct->n = 12;
	p = f->p + 13;
	svc->p = p;
	if ((size_t)(end - p) > 11 && memcmp(p, "CloudTrail_", 11) == 0) {
		kind = LL_S3K_CLOUDTRAIL;
		svc->n = 10;
	} else if ((size_t)(end - p) > 18 &&
	    memcmp(p, "CloudTrail-Digest_", 18) == 0) {
		kind = LL_S3K_DIGEST;
		svc->n = 17;
	} else
		return LL_S3K_OTHER;
	reg->p = p + svc->n + 1;
	if ((us = memchr(reg->p, '_', (size_t)(end - reg->p))) == NULL)
		return LL_S3K_OTHER;
	reg->n = (size_t)(us - reg->p);
	return valid_region(reg) ? kind : LL_S3K_OTHER;
}

/*
 * A key with no AWSLogs folder: a local copy rooted at AWSLogs/ or
 * deeper, or a bucket that holds one.  The file name and the day's
 * folders above it decide; the folders above those, as far as the key
 * has them (REGION, then CloudTrail, then ACCOUNT, then o-ORG), must
 * be the ones the name states.  One that is of their shape but
 * disagrees makes the key a look-alike; anything else starts a prefix.
 */
static void
parse_bare(const char *key, size_t len, struct ll_s3key *k)
{
	const char *cur = key + len;
	struct seg file, y, m, d, acct, svc, reg, s;
	const struct seg *want[] = { &reg, &svc, &acct };
	enum ll_s3kind kind;
	size_t i;

	if (!prev_seg(key, &cur, &file) || !prev_seg(key, &cur, &d) ||
	    !prev_seg(key, &cur, &m) || !prev_seg(key, &cur, &y) ||
	    y.n != 4 || m.n != 2 || d.n != 2 || !valid_day(y.p, m.p, d.p))
		return;
	if ((kind = trail_file(&file, &acct, &svc, &reg)) == LL_S3K_OTHER)
		return;
	for (i = 0; i < 3 && prev_seg(key, &cur, &s); i++) {
		if (seg_same(&s, want[i]))
			continue;
		if ((i == 0 && valid_region(&s)) || (i == 1 && s.n >= 10 &&
		    memcmp(s.p, "CloudTrail", 10) == 0) || (i == 2 &&
		    s.n == 12 && all_digits(s.p, 12)))
			return;
		break;
	}
	if (i == 3 && prev_seg(key, &cur, &s) && valid_org(&s))
		put(k->org, sizeof(k->org), &s);
	k->kind = kind;
	put(k->account, sizeof(k->account), &acct);
	put(k->region, sizeof(k->region), &reg);
	put_day(k->day, &y, &m, &d);
}

/* STREAM-VERSION-YYYY-MM-DD-HH-MM-SS-ID, as Firehose names objects. */
static int
firehose_name(const struct seg *s)
{
	static const char shape[] = "-0000-00-00-00-00-00-";
	const size_t n = sizeof(shape) - 1;
	size_t i, j, v;

	for (i = 1; i + n < s->n; i++) {
		for (j = 0; j < n; j++) {
			if (shape[j] == '-' ? s->p[i + j] != '-' :
			    s->p[i + j] < '0' || s->p[i + j] > '9')
				break;
		}
		if (j < n)
			continue;
		/* The delivery stream version: digits after a dash. */
		for (v = i; v > 0 && s->p[v - 1] >= '0' &&
		    s->p[v - 1] <= '9'; v--)
			;
		if (v < i && v >= 2 && s->p[v - 1] == '-')
			return 1;
	}
	return 0;
}

/* Looks at the last five segments: YYYY/MM/DD/HH/NAME. */
static void
parse_firehose(const char *key, size_t len, struct ll_s3key *k)
{
	const char *end = key + len, *p, *cut[5];
	struct seg y, m, d, h, name;
	int i;

	p = end;
	for (i = 0; i < 5; i++) {
		while (p > key && p[-1] != '/')
			p--;
		if (p == key && i < 4)
			return;
		cut[i] = p;
		if (p > key)
			p--;
	}
	name.p = cut[0];
	name.n = (size_t)(end - cut[0]);
	h.p = cut[1];
	h.n = (size_t)(cut[0] - 1 - cut[1]);
	d.p = cut[2];
	d.n = (size_t)(cut[1] - 1 - cut[2]);
	m.p = cut[3];
	m.n = (size_t)(cut[2] - 1 - cut[3]);
	y.p = cut[4];
	y.n = (size_t)(cut[3] - 1 - cut[4]);
	if (y.n != 4 || m.n != 2 || d.n != 2 || h.n != 2 ||
	    !valid_day(y.p, m.p, d.p) || !valid_hour(h.p) ||
	    !firehose_name(&name))
		return;
	k->kind = LL_S3K_FIREHOSE;
	put_day(k->day, &y, &m, &d);
	put(k->hour, sizeof(k->hour), &h);
}

void
ll_s3key_parse(const char *key, size_t len, struct ll_s3key *k)
{
	const char *cur, *end = key + len;
	struct seg s;

	int awslogs = 0;

	memset(k, 0, sizeof(*k));
	k->kind = LL_S3K_OTHER;
	cur = key;
	while (next_seg(&cur, end, &s)) {
		if (seg_is(&s, "AWSLogs")) {
			awslogs = 1;
			if (cur != NULL && parse_awslogs(cur, end, k))
				return;
		}
		memset(k, 0, sizeof(*k));
	}
	/* Under an AWSLogs folder the layout is known: no second guess. */
	if (!awslogs)
		parse_bare(key, len, k);
	if (k->kind == LL_S3K_OTHER) {
		memset(k, 0, sizeof(*k));
		parse_firehose(key, len, k);
	}
}

const char *
ll_s3key_kind(enum ll_s3kind kind)
{
	switch (kind) {
	case LL_S3K_CLOUDTRAIL:
		return "cloudtrail";
	case LL_S3K_DIGEST:
		return "cloudtrail-digest";
	case LL_S3K_FIREHOSE:
		return "firehose";
	default:
		return "other";
	}
}
