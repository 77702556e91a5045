/*
 * The S3 key classifier.  Keys are untrusted bytes of any length, so
 * they are walked with cursors, only fields fully validated are copied
 * into fixed buffers, and a field is reported only when the key states
 * it: a key that merely resembles a layout is "other".
 *
 * A pattern is matched against the last folders and the name of a key,
 * from the end, so a key may sit under any prefix.  A pattern whose
 * first folder is a plain word (AWSLogs) has a root: a key that holds
 * that folder must match from it on, in full; a key without it may be
 * a copy rooted lower down, and then matches if it has the part of the
 * pattern that states all its fields and every folder it has above
 * agrees (one of a folder's shape that disagrees makes a look-alike).
 * Under an AWSLogs folder that matches no pattern, the layout AWS
 * shares between services still says account, region and day.
 */
#include <string.h>

#include "lake/s3key.h"
#include "lake/source.h"

#define MAXSEG	16		/* folders in a pattern, and then some */

enum { F_ORG, F_ACCOUNT, F_REGION, F_YEAR, F_MONTH, F_DAY, F_HOUR,
    NFIELD };

static const struct {
	const char	*name;
	size_t		 width;		/* digits, or 0: a run of chars */
	const char	*chars;
	int		 bit;		/* for ll_s3key_fields */
} fields[NFIELD] = {
	[F_ORG] =	{ "org", 0, "abcdefghijklmnopqrstuvwxyz0123456789-",
			    LL_S3KEY_ORG },
	[F_ACCOUNT] =	{ "account", 12, NULL, LL_S3KEY_ACCOUNT },
	[F_REGION] =	{ "region", 0, "abcdefghijklmnopqrstuvwxyz0123456789-",
			    LL_S3KEY_REGION },
	[F_YEAR] =	{ "year", 4, NULL, LL_S3KEY_DAY },
	[F_MONTH] =	{ "month", 2, NULL, LL_S3KEY_DAY },
	[F_DAY] =	{ "day", 2, NULL, LL_S3KEY_DAY },
	[F_HOUR] =	{ "hour", 2, NULL, LL_S3KEY_HOUR }
};

struct seg {
	const char	*p;
	size_t		 n;
	int		 opt;		/* a pattern's [optional/] folder */
};

/* What a match has bound, by field. */
struct bind {
	const char	*p[NFIELD];
	size_t		 n[NFIELD];
};

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

/* o- followed by 10 to 32 lowercase letters or digits. */
static int
valid_org(const char *p, size_t n)
{
	size_t i;

	if (n < 12 || n > 34 || p[0] != 'o' || p[1] != '-')
		return 0;
	for (i = 2; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9')))
			return 0;
	return 1;
}

/* Lowercase words and a number joined by dashes: us-gov-west-1. */
static int
valid_region(const char *p, size_t n)
{
	size_t i;
	int dashes = 0;

	if (n < 4 || n > 32 || p[0] < 'a' || p[0] > 'z' ||
	    p[n - 1] < '0' || p[n - 1] > '9')
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] == '-') {
			if (p[i - 1] == '-')
				return 0;
			dashes++;
		} else if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9')))
			return 0;
	}
	return dashes >= 2;
}

/* Whether P, N can be field F's value. */
static int
valid(int f, const char *p, size_t n)
{
	if (fields[f].width > 0)
		return n == fields[f].width && all_digits(p, n) &&
		    (f != F_HOUR || num(p, n) <= 23) &&
		    (f != F_MONTH || (num(p, n) >= 1 && num(p, n) <= 12)) &&
		    (f != F_DAY || (num(p, n) >= 1 && num(p, n) <= 31));
	if (f == F_ORG)
		return valid_org(p, n);
	return valid_region(p, n);
}

/* The field named by the braces at P..CLOSE; -1 for {#}, -2 if none. */
static int
field_of(const char *p, const char *close)
{
	size_t n = (size_t)(close - p - 1);
	int f;

	if (n == 1 && p[1] == '#')
		return -1;
	for (f = 0; f < NFIELD; f++)
		if (strlen(fields[f].name) == n &&
		    memcmp(fields[f].name, p + 1, n) == 0)
			return f;
	return -2;
}

/*
 * Matches a {field} at key bytes K..KE: the value bound already, or a
 * new one (a fixed number of digits, or the longest run of the field's
 * characters), which must be valid.  Returns the bytes taken, or -1.
 */
static long
capture(int f, const char *k, const char *ke, struct bind *b)
{
	size_t n;

	if (f == -1) {
		for (n = 0; k + n < ke && k[n] >= '0' && k[n] <= '9'; n++)
			;
		return n > 0 ? (long)n : -1;
	}
	if (b->p[f] != NULL) {
		n = b->n[f];
		return (size_t)(ke - k) >= n && memcmp(k, b->p[f], n) == 0 ?
		    (long)n : -1;
	}
	if (fields[f].width > 0)
		n = fields[f].width;
	else
		for (n = 0; k + n < ke &&
		    strchr(fields[f].chars, k[n]) != NULL && k[n] != '\0'; n++)
			;
	if ((size_t)(ke - k) < n || !valid(f, k, n))
		return -1;
	b->p[f] = k;
	b->n[f] = n;
	return (long)n;
}

/*
 * Matches one token of a pattern folder at *PP against the key at *KP,
 * moving both past it: ? one byte, # one digit, {field}, {#} digits,
 * or a byte that stands for itself.
 */
static int
token(const char **pp, const char *pe, const char **kp, const char *ke,
    struct bind *b)
{
	const char *p = *pp, *k = *kp, *close;
	long n;

	if (*p == '{' && (close = memchr(p, '}', (size_t)(pe - p))) != NULL &&
	    field_of(p, close) != -2) {
		if ((n = capture(field_of(p, close), k, ke, b)) < 0)
			return 0;
		*pp = close + 1;
		*kp = k + n;
		return 1;
	}
	if (k == ke || (*p == '#' && (*k < '0' || *k > '9')) ||
	    (*p != '?' && *p != '#' && *k != *p))
		return 0;
	*pp = p + 1;
	*kp = k + 1;
	return 1;
}

/*
 * Matches pattern folder PS against key folder K.  A star takes any
 * bytes, fewest first: on a mismatch the last star takes one more and
 * the rest is tried again, so a folder costs at most its length times
 * the pattern's.
 */
static int
seg_match(const struct seg *ps, const char *k, size_t kn, struct bind *b)
{
	const char *p = ps->p, *pe = ps->p + ps->n, *kp = k, *ke = k + kn;
	const char *sp = NULL, *sk = NULL;
	struct bind sb;

	for (;;) {
		if (p < pe && *p == '*') {
			sp = ++p;
			sk = kp;
			sb = *b;
			continue;
		}
		if (p == pe && kp == ke)
			return 1;
		if (p < pe && token(&p, pe, &kp, ke, b))
			continue;
		if (sp == NULL || sk == ke)
			return 0;
		p = sp;
		kp = ++sk;
		*b = sb;
	}
}

/* Splits a pattern into folders; "[x/]" is an optional folder x. */
static int
split(const char *pat, struct seg *ps)
{
	const char *p = pat, *slash;
	int n = 0, opt;

	while (*p != '\0' && n < MAXSEG) {
		opt = *p == '[';
		p += opt;
		slash = strchr(p, '/');
		if (slash == NULL)
			slash = p + strlen(p);
		ps[n].p = p;
		ps[n].n = (size_t)(slash - p);
		ps[n++].opt = opt;
		p = *slash == '/' ? slash + 1 : slash;
		p += opt && *p == ']';
		if (*slash == '\0')
			break;
	}
	return n;
}

/* The fields folder PS states, one bit each. */
static unsigned
states(const struct seg *ps)
{
	const char *p, *pe = ps->p + ps->n, *close;
	unsigned m = 0;
	int f;

	for (p = ps->p; p < pe; p++)
		if (*p == '{' && (close = memchr(p, '}', (size_t)(pe - p))) !=
		    NULL && (f = field_of(p, close)) >= 0)
			m |= 1U << f;
	return m;
}

/* A plain word: no field, star or class in it. */
static int
plain(const struct seg *ps)
{
	return ps->n > 0 && strcspn(ps->p, "{*?#[/") >= ps->n;
}

/*
 * Whether key folder K has the shape of pattern folder PS without
 * matching it: a value of the one field the folder is, or a name that
 * begins with the folder's word (CloudTrail-Insight for CloudTrail).
 */
static int
shaped(const struct seg *ps, const struct seg *k)
{
	const char *close;
	int f;

	if (plain(ps))
		return k->n >= ps->n && memcmp(k->p, ps->p, ps->n) == 0;
	if (ps->n < 3 || ps->p[0] != '{' || ps->p[ps->n - 1] != '}' ||
	    (close = memchr(ps->p, '}', ps->n)) != ps->p + ps->n - 1 ||
	    (f = field_of(ps->p, close)) < 0)
		return 0;
	return valid(f, k->p, k->n);
}

/* Pattern folders 0..PI against key folders 0..KI, from the end. */
static int
match_full(const struct seg *ps, int pi, const struct seg *ks, int ki,
    struct bind *b)
{
	struct bind saved;

	if (pi < 0)
		return 1;
	saved = *b;
	if (ki >= 0 && seg_match(&ps[pi], ks[ki].p, ks[ki].n, b) &&
	    match_full(ps, pi - 1, ks, ki - 1, b))
		return 1;
	*b = saved;
	return ps[pi].opt && match_full(ps, pi - 1, ks, ki, b);
}

/*
 * A key without the pattern's root: folders RS.. (those that state
 * every field) must match; above them, each folder the key has must
 * match, or be of no folder's shape (a prefix starts there).
 */
static int
match_rooted(const struct seg *ps, int pi, int rs, const struct seg *ks,
    int ki, struct bind *b)
{
	struct bind saved;

	if (pi == 0)
		return 1;
	if (ki < 0)
		return pi < rs;
	saved = *b;
	if (seg_match(&ps[pi], ks[ki].p, ks[ki].n, b))
		return match_rooted(ps, pi - 1, rs, ks, ki - 1, b);
	*b = saved;
	if (pi >= rs || shaped(&ps[pi], &ks[ki]))
		return 0;
	if (ps[pi].opt)
		return match_rooted(ps, pi - 1, rs, ks, ki, b);
	return 1;
}

/* The first folder of the part of the pattern that states its fields. */
static int
stating(const struct seg *ps, int n)
{
	unsigned want = 0, have = 0;
	int i;

	for (i = 1; i < n; i++)
		if (!ps[i].opt)
			want |= states(&ps[i]);
	for (i = n - 1; i > 0 && (have & want) != want; i--)
		have |= states(&ps[i]);
	return i + 1;
}

static void
put(char *dst, size_t size, const char *p, size_t n)
{
	if (n > size - 1)
		n = size - 1;
	memcpy(dst, p, n);
	dst[n] = '\0';
}

/* Fills K from a match; 0 if its day is not one. */
static int
fill(const struct bind *b, struct ll_s3key *k)
{
	if (b->p[F_YEAR] != NULL) {
		if (b->p[F_MONTH] == NULL || b->p[F_DAY] == NULL ||
		    !valid_day(b->p[F_YEAR], b->p[F_MONTH], b->p[F_DAY]))
			return 0;
		memcpy(k->day, b->p[F_YEAR], 4);
		k->day[4] = '-';
		memcpy(k->day + 5, b->p[F_MONTH], 2);
		k->day[7] = '-';
		memcpy(k->day + 8, b->p[F_DAY], 2);
		k->day[10] = '\0';
	}
	if (b->p[F_ORG] != NULL)
		put(k->org, sizeof(k->org), b->p[F_ORG], b->n[F_ORG]);
	if (b->p[F_ACCOUNT] != NULL)
		put(k->account, sizeof(k->account), b->p[F_ACCOUNT],
		    b->n[F_ACCOUNT]);
	if (b->p[F_REGION] != NULL)
		put(k->region, sizeof(k->region), b->p[F_REGION],
		    b->n[F_REGION]);
	if (b->p[F_HOUR] != NULL)
		put(k->hour, sizeof(k->hour), b->p[F_HOUR], b->n[F_HOUR]);
	return 1;
}

/* The key's last folders and name, at most MAXSEG + 1; their count. */
static int
last_segs(const char *key, size_t len, struct seg *ks)
{
	const char *p = key + len, *q;
	struct seg tmp[MAXSEG + 1];
	int n = 0, i;

	while (n <= MAXSEG) {
		for (q = p; q > key && q[-1] != '/'; q--)
			;
		tmp[n].p = q;
		tmp[n].n = (size_t)(p - q);
		tmp[n++].opt = 0;
		if (q == key)
			break;
		p = q - 1;
	}
	for (i = 0; i < n; i++)
		ks[i] = tmp[n - 1 - i];
	return n;
}

/* Whether the key has a folder WORD (its name does not count). */
static int
holds(const char *key, size_t len, const struct seg *word)
{
	const char *p = key, *end = key + len, *slash;

	while ((slash = memchr(p, '/', (size_t)(end - p))) != NULL) {
		if ((size_t)(slash - p) == word->n &&
		    memcmp(p, word->p, word->n) == 0)
			return 1;
		p = slash + 1;
	}
	return 0;
}

enum mode { M_ROOT, M_ROOTED, M_FREE };

/* Tries one pattern in one mode; 1 and K filled if it matches. */
static int
try(const struct ll_keypat *kp, enum mode mode, const char *key, size_t len,
    const struct seg *ks, int nk, struct ll_s3key *k)
{
	struct seg ps[MAXSEG];
	struct bind b;
	int np, rooted, ok;

	np = split(kp->pattern, ps);
	rooted = np > 1 && plain(&ps[0]);
	memset(&b, 0, sizeof(b));
	if (mode == M_FREE && rooted)
		return 0;
	if (mode != M_FREE && (!rooted || holds(key, len, &ps[0]) !=
	    (mode == M_ROOT)))
		return 0;
	if (mode == M_ROOTED)
		ok = match_rooted(ps, np - 1, stating(ps, np), ks, nk - 1, &b);
	else
		ok = match_full(ps, np - 1, ks, nk - 1, &b);
	if (!ok || !fill(&b, k))
		return 0;
	k->kind = kp->kind;
	k->records = kp->records;
	return 1;
}

/* Takes the next '/'-separated folder; 0 when none is left. */
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

/*
 * AWS's layout, shared by its services, from just past an AWSLogs
 * folder: [o-ORG/]ACCOUNT/SERVICE/REGION/YYYY/MM/DD/ and then anything.
 */
static int
layout(const char *cur, const char *end, struct ll_s3key *k)
{
	struct seg org = { NULL, 0, 0 }, acct, svc, reg, y, m, d, rest;
	int hasorg;

	if (!next_seg(&cur, end, &acct))
		return 0;
	hasorg = valid_org(acct.p, acct.n);
	if (hasorg) {
		org = acct;
		if (!next_seg(&cur, end, &acct))
			return 0;
	}
	if (acct.n != 12 || !all_digits(acct.p, 12) ||
	    !next_seg(&cur, end, &svc) || svc.n == 0 ||
	    !next_seg(&cur, end, &reg) || !valid_region(reg.p, reg.n) ||
	    !next_seg(&cur, end, &y) || y.n != 4 || !all_digits(y.p, 4) ||
	    !next_seg(&cur, end, &m) || m.n != 2 || !all_digits(m.p, 2) ||
	    !next_seg(&cur, end, &d) || d.n != 2 || !all_digits(d.p, 2) ||
	    !valid_day(y.p, m.p, d.p) || !next_seg(&cur, end, &rest))
		return 0;
	if (hasorg)
		put(k->org, sizeof(k->org), org.p, org.n);
	put(k->account, sizeof(k->account), acct.p, acct.n);
	put(k->region, sizeof(k->region), reg.p, reg.n);
	memcpy(k->day, y.p, 4);
	k->day[4] = '-';
	memcpy(k->day + 5, m.p, 2);
	k->day[7] = '-';
	memcpy(k->day + 8, d.p, 2);
	k->day[10] = '\0';
	return 1;
}

/*
 * Under an AWSLogs folder that no pattern matched, the layout still
 * says account, region and day (kind "other"): a digest's neighbour,
 * a folder marker, another service's logs.  1 if it did.
 */
static int
awslogs(const char *key, size_t len, struct ll_s3key *k)
{
	const char *cur = key, *end = key + len;
	struct seg s;

	while (next_seg(&cur, end, &s))
		if (s.n == 7 && memcmp(s.p, "AWSLogs", 7) == 0 && cur != NULL &&
		    layout(cur, end, k))
			return 1;
	return 0;
}

void
ll_s3key_parse(const char *key, size_t len, struct ll_s3key *k)
{
	const struct ll_source *src;
	const struct ll_keypat *kp;
	struct seg ks[MAXSEG + 1];
	enum mode mode;
	size_t i;
	int nk;

	memset(k, 0, sizeof(*k));
	k->kind = "other";
	nk = last_segs(key, len, ks);
	for (mode = M_ROOT; mode <= M_FREE; mode++) {
		for (i = 0; (src = ll_source_at(i)) != NULL; i++)
			for (kp = src->keys; kp != NULL && kp->kind != NULL;
			    kp++)
				if (try(kp, mode, key, len, ks, nk, k)) {
					k->source = src;
					return;
				}
		if (mode == M_ROOT && awslogs(key, len, k))
			return;
	}
}

/* The fields every key of PATTERN states (LL_S3KEY_*). */
int
ll_s3key_fields(const char *pattern)
{
	struct seg ps[MAXSEG];
	unsigned m = 0;
	int f, i, n, bits = 0;

	n = split(pattern, ps);
	for (i = 0; i < n; i++)
		if (!ps[i].opt)
			m |= states(&ps[i]);
	for (f = 0; f < NFIELD; f++)
		if (m & 1U << f)
			bits |= fields[f].bit;
	return bits;
}
