/*
 * The JSON lexer.  Strings, which are most of a CloudTrail record, are
 * skipped 16 bytes at a time where SSE2 is available: one signed
 * compare finds control bytes and non-ASCII bytes together, two more
 * find quotes and backslashes.  Everything else goes byte by byte, and
 * an error names the byte at fault, as a streaming reader sees it.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "json/lex.h"

static const char *
fail(struct ll_lex *r, enum ll_lex_err err, const char *unit, const char *at)
{
	r->err = err;
	r->more = 0;
	r->unit = unit;
	r->at = at;
	return NULL;
}

/* The text ended at AT inside the unit starting at UNIT. */
static const char *
cut(struct ll_lex *r, enum ll_lex_err err, const char *unit, const char *at)
{
	fail(r, err, unit, at);
	r->more = 1;
	return NULL;
}

/*
 * Returns the first byte from P that is a quote, a backslash, a
 * control byte or not ASCII: what a string needs to look at.
 */
static inline const char *
plain(const char *p, const char *end)
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

const char *
ll_lex_plain(const char *p, const char *end)
{
	return plain(p, end);
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* The four hex digits at P (which must be there); -1 if one is not. */
int
ll_lex_hex4(const char *p, unsigned *v)
{
	int i, d;

	*v = 0;
	for (i = 0; i < 4; i++) {
		if ((d = hexval((unsigned char)p[i])) < 0)
			return -1;
		*v = *v << 4 | (unsigned)d;
	}
	return 0;
}

/* The code unit of the \u escape at P, digit by digit; -1 if none. */
static long
uescape(const char *unit, const char *p, const char *end, struct ll_lex *r)
{
	unsigned v = 0;
	int i, d;

	for (i = 2; i < 6; i++) {
		if (p + i == end)
			return cut(r, LL_LEX_HEX, unit, end), -1;
		if ((d = hexval((unsigned char)p[i])) < 0)
			return fail(r, LL_LEX_HEX, unit, p + i), -1;
		v = v << 4 | (unsigned)d;
	}
	return v;
}

/*
 * The escape at P (a backslash); returns the byte after it.  A high
 * surrogate and the low one that must follow it are one unit.
 */
static const char *
escape(const char *p, const char *end, struct ll_lex *r)
{
	const char *q;
	long cp, lo;

	if (end - p < 2)
		return cut(r, LL_LEX_EOF, p, end);
	switch (p[1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n':
	case 'r': case 't':
		return p + 2;
	case 'u':
		break;
	default:
		return fail(r, LL_LEX_ESCAPE, p, p + 1);
	}
	if ((cp = uescape(p, p, end, r)) < 0)
		return NULL;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return fail(r, LL_LEX_SURROGATE, p, p + 5);
	if (cp < 0xd800 || cp > 0xdbff) {
		r->nul |= cp == 0;
		return p + 6;
	}
	q = p + 6;
	if (q == end || (*q == '\\' && q + 1 == end))
		return cut(r, LL_LEX_SURROGATE, p, end);
	if (*q != '\\')
		return fail(r, LL_LEX_SURROGATE, p, q);
	if (q[1] != 'u')
		return fail(r, LL_LEX_SURROGATE, p, q + 1);
	if ((lo = uescape(p, q, end, r)) < 0)
		return NULL;
	if (lo < 0xdc00 || lo > 0xdfff)
		return fail(r, LL_LEX_SURROGATE, p, q + 5);
	return p + 12;
}

/*
 * The UTF-8 character at P (a byte >= 0x80); returns the byte after
 * it.  The ranges of the first continuation byte rule out overlong
 * forms, surrogates and code points past U+10FFFF.
 */
static const char *
utf8(const char *p, const char *end, struct ll_lex *r)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned char lo = 0x80, hi = 0xbf;
	int i, n;

	if (u[0] >= 0xc2 && u[0] <= 0xdf)
		n = 1;
	else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 2;
		if (u[0] == 0xe0)
			lo = 0xa0;
		else if (u[0] == 0xed)
			hi = 0x9f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 3;
		if (u[0] == 0xf0)
			lo = 0x90;
		else if (u[0] == 0xf4)
			hi = 0x8f;
	} else
		return fail(r, LL_LEX_UTF8, p, p);
	for (i = 1; i <= n; i++) {
		if (p + i == end)
			return cut(r, LL_LEX_UTF8, p, end);
		if (u[i] < lo || u[i] > hi)
			return fail(r, LL_LEX_UTF8, p, p + i);
		lo = 0x80;
		hi = 0xbf;
	}
	return p + n + 1;
}

/* The length of the valid UTF-8 character at P, or 0. */
size_t
ll_lex_utf8(const char *p, const char *end)
{
	struct ll_lex r;
	const char *q;

	if ((q = utf8(p, end, &r)) == NULL)
		return 0;
	return (size_t)(q - p);
}

/*
 * A string body from P, just after its opening quote; returns the
 * byte after the closing quote.  r->esc and r->nul describe it.
 */
const char *
ll_lex_string(const char *p, const char *end, struct ll_lex *r)
{
	r->esc = r->nul = 0;
	for (;;) {
		p = plain(p, end);
		if (p == end)
			return cut(r, LL_LEX_EOF, end, end);
		if (*p == '"')
			return p + 1;
		if (*p == '\\') {
			r->esc = 1;
			p = escape(p, end, r);
		} else if ((unsigned char)*p < 0x20)
			return fail(r, LL_LEX_CTRL, p, p);
		else
			p = utf8(p, end, r);
		if (p == NULL)
			return NULL;
	}
}

#define DIGIT(c)	((c) >= '0' && (c) <= '9')

/*
 * Reads on in a number from state *ST; returns the first byte that is
 * not part of it, or END with *ST telling whether it may end there.
 * The number is complete when LL_LEX_NUM_DONE(*st).
 */
const char *
ll_lex_number(const char *p, const char *end, enum ll_lex_num *st,
    struct ll_lex *r)
{
	enum ll_lex_num s = *st;

	for (; p < end; p++) {
		switch (s) {
		case LL_NUM_START:
			if (*p == '-') {
				s = LL_NUM_MINUS;
				continue;
			}
			/* FALLTHROUGH */
		case LL_NUM_MINUS:
			if (!DIGIT(*p))
				return fail(r, LL_LEX_NUMBER, p, p);
			s = *p == '0' ? LL_NUM_ZERO : LL_NUM_INT;
			continue;
		case LL_NUM_INT:
		case LL_NUM_FRAC:
		case LL_NUM_EXP:
			while (p < end && DIGIT(*p))
				p++;
			if (p == end || s == LL_NUM_EXP)
				goto out;
			if (s == LL_NUM_FRAC && *p != 'e' && *p != 'E')
				goto out;
			/* FALLTHROUGH */
		case LL_NUM_ZERO:
			if (*p == '.' && s != LL_NUM_FRAC)
				s = LL_NUM_DOT;
			else if (*p == 'e' || *p == 'E')
				s = LL_NUM_E;
			else
				goto out;
			continue;
		case LL_NUM_DOT:
		case LL_NUM_ESIGN:
			if (!DIGIT(*p))
				return fail(r, LL_LEX_NUMBER, p, p);
			s = s == LL_NUM_DOT ? LL_NUM_FRAC : LL_NUM_EXP;
			continue;
		case LL_NUM_E:
			if (*p == '+' || *p == '-')
				s = LL_NUM_ESIGN;
			else if (DIGIT(*p))
				s = LL_NUM_EXP;
			else
				return fail(r, LL_LEX_NUMBER, p, p);
			continue;
		}
	}
out:
	*st = s;
	return p;
}

/*
 * The literal at P; *type gets its type.  An error names the first
 * byte that differs.
 */
const char *
ll_lex_literal(const char *p, const char *end, enum ll_jtype *type,
    struct ll_lex *r)
{
	const char *word;
	size_t i;

	switch (*p) {
	case 't':
		word = "true";
		*type = LL_JTRUE;
		break;
	case 'f':
		word = "false";
		*type = LL_JFALSE;
		break;
	case 'n':
		word = "null";
		*type = LL_JNULL;
		break;
	default:
		return fail(r, LL_LEX_LITERAL, p, p);
	}
	for (i = 1; word[i] != '\0'; i++) {
		if (p + i == end)
			return cut(r, LL_LEX_LITERAL, p, end);
		if (p[i] != word[i])
			return fail(r, LL_LEX_LITERAL, p, p + i);
	}
	return p + i;
}
