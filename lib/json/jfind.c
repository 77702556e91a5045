/*
 * The scanner walks the text once with an explicit stack.  Strings,
 * which are most of a CloudTrail record, are skipped 16 bytes at a
 * time where SSE2 is available: one signed compare finds control
 * bytes and non-ASCII bytes together, two more find quotes and
 * backslashes.  Everything else is a plain byte-level parser.
 *
 * Paths are matched as keys go by.  Each open object carries a mask of
 * the paths whose earlier segments led into it; a key narrows that
 * mask by length first, then by comparison, so a record costs little
 * more than validation however many paths are asked for.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "json/jfind.h"
#include "json/json.h"
#include "xalloc.h"

#define MAXDEPTH	2048	/* jansson's JSON_PARSER_MAX_DEPTH */
#define MAXINTDIGITS	309	/* fewer cannot overflow a double */

/* What comes next: a value; ',' or a closer; a key and its ':'. */
enum state { S_VALUE, S_AFTER, S_KEY };

/* The byte that closes a container: '}' for '{', ']' for '['. */
#define CLOSER(c)	((c) == '{' ? '}' : ']')

static const unsigned char wsp[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1
};

static inline const char *
skipws(const char *p, const char *end)
{
	while (p < end && wsp[(unsigned char)*p])
		p++;
	return p;
}

/* Returns the first quote, backslash, control or non-ASCII byte. */
static inline const char *
skip_plain(const char *p, const char *end)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"');
	const __m128i bslash = _mm_set1_epi8('\\');
	const __m128i space = _mm_set1_epi8(' ');
	__m128i v, m;
	int bits;

	while (end - p >= 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)p);
		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
		    _mm_cmpeq_epi8(v, bslash)), _mm_cmplt_epi8(v, space));
		if ((bits = _mm_movemask_epi8(m)) != 0)
			return p + __builtin_ctz((unsigned)bits);
		p += 16;
	}
#endif
	while (p < end && (unsigned char)*p >= 0x20 &&
	    (unsigned char)*p < 0x80 && *p != '"' && *p != '\\')
		p++;
	return p;
}

static int
hex4(const char *p, unsigned *v)
{
	unsigned c, i, x = 0;

	for (i = 0; i < 4; i++) {
		c = (unsigned char)p[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			c = (c | 0x20) - 'a' + 10;
		else
			return -1;
		x = x << 4 | c;
	}
	*v = x;
	return 0;
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t
utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned cp;
	size_t i, n;

	if (p[0] < 0xc2 || p[0] > 0xf4)
		return 0;
	n = p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
	if ((size_t)(end - p) < n)
		return 0;
	cp = p[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
	    (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000))
		return 0;
	return n;
}

/*
 * Checks the escape at p (a backslash); returns the byte after it, or
 * NULL.  A high surrogate must be followed by a low one, as jansson
 * insists.  *nul is set for \u0000.
 */
static const char *
scan_escape(const char *p, const char *end, int *nul)
{
	unsigned cp, lo;

	if (end - p < 2)
		return NULL;
	if (p[1] != '\0' && strchr("\"\\/bfnrt", p[1]) != NULL)
		return p + 2;
	if (p[1] != 'u' || end - p < 6 || hex4(p + 2, &cp) == -1)
		return NULL;
	p += 6;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return NULL;
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
		    hex4(p + 2, &lo) == -1 || lo < 0xdc00 || lo > 0xdfff)
			return NULL;
		p += 6;
	}
	if (cp == 0)
		*nul = 1;
	return p;
}

/*
 * Scans a string body starting after its opening quote; returns the
 * byte after the closing quote, or NULL if the string is invalid.
 * *esc tells whether it holds escapes, *nul whether one is \u0000.
 */
static const char *
scan_string(const char *p, const char *end, int *esc, int *nul)
{
	size_t n;

	*esc = *nul = 0;
	for (;;) {
		p = skip_plain(p, end);
		if (p == end)
			return NULL;
		if (*p == '"')
			return p + 1;
		if (*p == '\\') {
			*esc = 1;
			if ((p = scan_escape(p, end, nul)) == NULL)
				return NULL;
			continue;
		}
		if ((unsigned char)*p < 0x20)
			return NULL;
		n = utf8_len((const unsigned char *)p,
		    (const unsigned char *)end);
		if (n == 0)
			return NULL;
		p += n;
	}
}

/* As jansson: a number whose value overflows a double is invalid. */
static int
overflows(struct ll_jfind *s, const char *p, size_t n)
{
	double d;

	if (n + 1 > s->numsize) {
		free(s->num);
		s->numsize = n + 1;
		s->num = xmalloc(s->numsize);
	}
	memcpy(s->num, p, n);
	s->num[n] = '\0';
	errno = 0;
	d = strtod(s->num, NULL);
	return errno == ERANGE && isinf(d);
}

/* Scans a number; returns the byte after it, or NULL. */
static const char *
scan_number(struct ll_jfind *s, const char *p, const char *end)
{
	const char *start = p, *digits;
	int big = 0;

#define DIGIT(q)	((q) < end && *(q) >= '0' && *(q) <= '9')
	if (*p == '-')
		p++;
	digits = p;
	if (p < end && *p == '0')
		p++;
	else if (DIGIT(p)) {
		while (DIGIT(p))
			p++;
	} else
		return NULL;
	big = p - digits >= MAXINTDIGITS;
	if (p < end && *p == '.') {
		if (!DIGIT(p + 1))
			return NULL;
		for (p++; DIGIT(p); p++)
			;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!DIGIT(p))
			return NULL;
		while (DIGIT(p))
			p++;
		big = 1;
	}
#undef DIGIT
	if (big && overflows(s, start, (size_t)(p - start)))
		return NULL;
	return p;
}

static const char *
scan_literal(const char *p, const char *end, enum ll_jftype *t)
{
	static const struct {
		const char	*text;
		size_t		 len;
		enum ll_jftype	 type;
	} lits[] = {
		{ "true", 4, LL_JF_TRUE },
		{ "false", 5, LL_JF_FALSE },
		{ "null", 4, LL_JF_NULL },
	};
	size_t i;

	for (i = 0; i < 3; i++)
		if ((size_t)(end - p) >= lits[i].len &&
		    memcmp(p, lits[i].text, lits[i].len) == 0) {
			*t = lits[i].type;
			return p + lits[i].len;
		}
	return NULL;
}

void
ll_jfind_init(struct ll_jfind *s, const struct ll_path *paths, size_t n)
{
	size_t i, j;

	memset(s, 0, sizeof(*s));
	s->paths = paths;
	s->npaths = n < LL_JFIND_MAXPATHS ? n : LL_JFIND_MAXPATHS;
	for (i = 0; i < s->npaths; i++)
		if (paths[i].n > s->maxseg)
			s->maxseg = paths[i].n;
	s->val = xcalloc(s->npaths + 1, sizeof(*s->val));
	s->lenmask = xcalloc(s->maxseg + 1, sizeof(*s->lenmask));
	for (i = 0; i < s->npaths; i++)
		for (j = 0; j < paths[i].n; j++)
			s->lenmask[j][paths[i].seglen[j] % 64] |=
			    (uint64_t)1 << i;
	s->alive = xcalloc(MAXDEPTH + 1, sizeof(*s->alive));
	s->kind = xcalloc(MAXDEPTH + 1, 1);
}

void
ll_jfind_free(struct ll_jfind *s)
{
	free(s->val);
	free(s->lenmask);
	free(s->alive);
	free(s->kind);
	free(s->key);
	free(s->num);
	memset(s, 0, sizeof(*s));
}

static void
capture(struct ll_jfind *s, uint64_t mask, enum ll_jftype t, const char *p,
    size_t len, int esc)
{
	struct ll_jspan *v;

	while (mask != 0) {
		v = &s->val[__builtin_ctzll(mask)];
		v->type = t;
		v->p = p;
		v->len = len;
		v->esc = esc;
		mask &= mask - 1;
	}
}

/*
 * The key k (raw body of length n) opens a value inside the object at
 * depth d.  Paths alive there whose next segment is this key either
 * end here (their value is the one that follows) or continue into it.
 * A repeated key replaces the earlier value, as in jansson, so every
 * path through it forgets what it found before.
 */
static void
match_key(struct ll_jfind *s, size_t d, const char *k, size_t n, int esc,
    uint64_t *capt, uint64_t *child)
{
	const struct ll_path *p;
	uint64_t cand;
	int i;

	if (esc) {
		if (n > s->keysize) {
			free(s->key);
			s->keysize = n;
			s->key = xmalloc(n);
		}
		n = ll_json_unescape(s->key, k, n);
		k = s->key;
	}
	cand = s->alive[d] & s->lenmask[d][n % 64];
	while (cand != 0) {
		i = __builtin_ctzll(cand);
		cand &= cand - 1;
		p = &s->paths[i];
		if (p->seglen[d] != n || memcmp(p->seg[d], k, n) != 0)
			continue;
		s->val[i].type = LL_JF_ABSENT;
		if (p->n == d + 1)
			*capt |= (uint64_t)1 << i;
		else
			*child |= (uint64_t)1 << i;
	}
}

/*
 * Returns the type of the value for valid JSON text, -1 for text that
 * ll_json_parse() would refuse.  s->val[i] then describes the value at
 * path i, LL_JF_ABSENT where there is none.
 */
int
ll_jfind(struct ll_jfind *s, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *q, *k;
	enum ll_jftype top, t;
	enum state st = S_VALUE;
	uint64_t capt = 0, child;
	size_t d = 0, i;
	int esc, nul;

	for (i = 0; i < s->npaths; i++)
		s->val[i].type = LL_JF_ABSENT;
	child = s->npaths == 64 ? ~(uint64_t)0 :
	    ((uint64_t)1 << s->npaths) - 1;
	p = skipws(p, end);
	top = p == end ? LL_JF_ABSENT : *p == '{' ? LL_JF_OBJECT :
	    *p == '[' ? LL_JF_ARRAY : *p == '"' ? LL_JF_STRING : LL_JF_NUMBER;
	for (;;) {
		switch (st) {
		case S_VALUE:
			if (p == end || d >= MAXDEPTH)
				return -1;
			st = S_AFTER;
			if (*p == '"') {
				if ((q = scan_string(p + 1, end, &esc,
				    &nul)) == NULL)
					return -1;
				if (capt != 0)
					capture(s, capt, LL_JF_STRING, p + 1,
					    (size_t)(q - p - 2), esc);
				p = q;
			} else if (*p == '{' || *p == '[') {
				if (capt != 0)
					capture(s, capt, *p == '{' ?
					    LL_JF_OBJECT : LL_JF_ARRAY, p, 0,
					    0);
				s->kind[d] = *p;
				s->alive[d] = *p == '{' && d < s->maxseg ?
				    child : 0;
				d++;
				p = skipws(p + 1, end);
				if (p < end && (*p == '}' || *p == ']') &&
				    *p == CLOSER(s->kind[d - 1])) {
					p++;
					d--;
				} else
					st = s->kind[d - 1] == '{' ? S_KEY :
					    S_VALUE;
				capt = child = 0;
			} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
				if ((q = scan_number(s, p, end)) == NULL)
					return -1;
				if (capt != 0)
					capture(s, capt, LL_JF_NUMBER, p,
					    (size_t)(q - p), 0);
				p = q;
			} else {
				if ((q = scan_literal(p, end, &t)) == NULL)
					return -1;
				if (d == 0)
					top = t;
				if (capt != 0)
					capture(s, capt, t, p, (size_t)(q - p),
					    0);
				p = q;
			}
			break;
		case S_AFTER:
			p = skipws(p, end);
			if (d == 0)
				return p == end ? (int)top : -1;
			if (p == end)
				return -1;
			if (*p == ',') {
				p = skipws(p + 1, end);
				st = s->kind[d - 1] == '{' ? S_KEY : S_VALUE;
				capt = child = 0;
			} else if (*p == CLOSER(s->kind[d - 1])) {
				p++;
				d--;
			} else
				return -1;
			break;
		case S_KEY:
			if (p == end || *p != '"')
				return -1;
			k = p + 1;
			q = scan_string(k, end, &esc, &nul);
			if (q == NULL || nul)
				return -1;
			if (s->alive[d - 1] != 0)
				match_key(s, d - 1, k, (size_t)(q - k - 1), esc,
				    &capt, &child);
			p = skipws(q, end);
			if (p == end || *p != ':')
				return -1;
			p = skipws(p + 1, end);
			st = S_VALUE;
			break;
		}
	}
}

static size_t
put_utf8(char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xc0 | cp >> 6);
		d[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xe0 | cp >> 12);
		d[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		d[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	d[0] = (char)(0xf0 | cp >> 18);
	d[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	d[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	d[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Decodes the JSON escapes in src into dst (which may be src) and
 * returns the new length, never more than n.  For a valid string body
 * this is its value.  Any text is accepted: a backslash that does not
 * start a valid escape, or a lone surrogate, is kept as it is, which
 * lets --grep look through JSON held inside JSON strings.
 */
size_t
ll_json_unescape(char *dst, const char *src, size_t n)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *end = src + n, *bs, *c;
	unsigned cp, lo;
	size_t o = 0;

	while (src < end) {
		if ((bs = memchr(src, '\\', (size_t)(end - src))) == NULL)
			bs = end;
		memmove(dst + o, src, (size_t)(bs - src));
		o += (size_t)(bs - src);
		src = bs;
		if (src == end)
			break;
		if (end - src >= 2 && src[1] != '\0' &&
		    (c = strchr(from, src[1])) != NULL) {
			dst[o++] = to[c - from];
			src += 2;
			continue;
		}
		if (end - src < 6 || src[1] != 'u' || hex4(src + 2, &cp)) {
			dst[o++] = *src++;
			continue;
		}
		if (cp < 0xd800 || cp > 0xdfff) {
			o += put_utf8(dst + o, cp);
			src += 6;
			continue;
		}
		if (end - src >= 12 && cp <= 0xdbff && src[6] == '\\' &&
		    src[7] == 'u' && hex4(src + 8, &lo) == 0 && lo >= 0xdc00 &&
		    lo <= 0xdfff) {
			o += put_utf8(dst + o, 0x10000 + ((cp - 0xd800) << 10) +
			    (lo - 0xdc00));
			src += 12;
			continue;
		}
		dst[o++] = *src++;
	}
	return o;
}
