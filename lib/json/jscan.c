/*
 * The in-memory JSON scanner.  Containers nobody asked about are
 * skipped iteratively with an explicit stack of closers, so a deeply
 * nested record costs memory in proportion to its size, never C stack.
 * Strings are scanned with a table of bytes that need no attention,
 * which keeps the common all-ASCII case to one test per byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json/jscan.h"
#include "xalloc.h"

static unsigned char plain[256];	/* copied inside strings as is */
static unsigned char wsp[256];

static void
tables(void)
{
	int c;

	if (plain['a'])
		return;
	for (c = 0x20; c < 0x80; c++)
		plain[c] = c != '"' && c != '\\';
	wsp[' '] = wsp['\t'] = wsp['\n'] = wsp['\r'] = 1;
}

void
ll_jscan_init(struct ll_jscan *s, const char *buf, size_t len)
{
	tables();
	s->start = s->p = buf;
	s->end = buf + len;
	s->err = NULL;
	s->depth = 0;
}

void
ll_jscan_free(struct ll_jscan *s)
{
	free(s->stack);
	s->stack = NULL;
	s->cap = s->depth = 0;
}

size_t
ll_jscan_offset(const struct ll_jscan *s)
{
	return (size_t)(s->p - s->start);
}

static int
fail(struct ll_jscan *s, const char *p, const char *why)
{
	if (p != NULL)
		s->p = p;
	s->err = why;
	return -1;
}

static void
ws(struct ll_jscan *s)
{
	while (s->p < s->end && wsp[(unsigned char)*s->p])
		s->p++;
}

static int
hex4(const unsigned char *p, const unsigned char *end, unsigned *u)
{
	int i, c;

	if (end - p < 4)
		return -1;
	*u = 0;
	for (i = 0; i < 4; i++) {
		c = p[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			c = (c | 0x20) - 'a' + 10;
		else
			return -1;
		*u = *u << 4 | (unsigned)c;
	}
	return 0;
}

/* P is at a backslash; returns the byte after the escape or NULL. */
static const unsigned char *
escape(struct ll_jscan *s, const unsigned char *p, const unsigned char *end)
{
	unsigned u, lo;

	if (p + 1 >= end)
		return fail(s, (const char *)p, "unterminated string"), NULL;
	switch (p[1]) {
	case '"':
	case '\\':
	case '/':
	case 'b':
	case 'f':
	case 'n':
	case 'r':
	case 't':
		return p + 2;
	}
	if (p[1] != 'u' || hex4(p + 2, end, &u) == -1)
		return fail(s, (const char *)p, "invalid escape in string"),
		    NULL;
	if (u >= 0xdc00 && u <= 0xdfff)
		return fail(s, (const char *)p, "unpaired UTF-16 surrogate"),
		    NULL;
	if (u < 0xd800 || u > 0xdbff)
		return p + 6;
	if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
	    hex4(p + 8, end, &lo) == -1 || lo < 0xdc00 || lo > 0xdfff)
		return fail(s, (const char *)p, "unpaired UTF-16 surrogate"),
		    NULL;
	return p + 12;
}

/* P is at a byte >= 0x80; returns the byte after the character. */
static const unsigned char *
utf8(struct ll_jscan *s, const unsigned char *p, const unsigned char *end)
{
	unsigned char lo = 0x80, hi = 0xbf;
	int n;

	if (*p >= 0xc2 && *p <= 0xdf)
		n = 1;
	else if (*p >= 0xe0 && *p <= 0xef) {
		n = 2;
		if (*p == 0xe0)
			lo = 0xa0;
		else if (*p == 0xed)
			hi = 0x9f;
	} else if (*p >= 0xf0 && *p <= 0xf4) {
		n = 3;
		if (*p == 0xf0)
			lo = 0x90;
		else if (*p == 0xf4)
			hi = 0x8f;
	} else
		return fail(s, (const char *)p, "invalid UTF-8"), NULL;
	if (end - p <= n || p[1] < lo || p[1] > hi)
		return fail(s, (const char *)p, "invalid UTF-8"), NULL;
	if (n >= 2 && (p[2] & 0xc0) != 0x80)
		return fail(s, (const char *)p, "invalid UTF-8"), NULL;
	if (n == 3 && (p[3] & 0xc0) != 0x80)
		return fail(s, (const char *)p, "invalid UTF-8"), NULL;
	return p + n + 1;
}

/*
 * Skips bytes that need no attention eight at a time: a word passes
 * when no byte is below 0x20, a quote, a backslash or 0x80 and above.
 * Subtracting per byte sets the high bit of a byte that underflows;
 * borrows only run upwards from such a byte, so the lowest flagged
 * byte is the first that needs attention.
 */
static const unsigned char *
skip_plain(const unsigned char *p, const unsigned char *end)
{
	const uint64_t one = 0x0101010101010101ULL;
	uint64_t w, t;

	while (end - p >= 8) {
		memcpy(&w, p, 8);
		t = ((w - one * 0x20) | ((w ^ one * '"') - one) |
		    ((w ^ one * '\\') - one) | w) & one * 0x80;
		if (t != 0) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return p + __builtin_ctzll(t) / 8;
#else
			break;
#endif
		}
		p += 8;
	}
	while (p < end && plain[*p])
		p++;
	return p;
}

static int
scan_string(struct ll_jscan *s, struct ll_jval *v)
{
	const unsigned char *p, *end;

	p = (const unsigned char *)s->p + 1;
	end = (const unsigned char *)s->end;
	v->esc = 0;
	for (;;) {
		p = skip_plain(p, end);
		if (p >= end)
			return fail(s, NULL, "unterminated string");
		if (*p == '"')
			break;
		if (*p == '\\') {
			v->esc = 1;
			p = escape(s, p, end);
		} else if (*p < 0x20)
			return fail(s, (const char *)p,
			    "control character in string");
		else
			p = utf8(s, p, end);
		if (p == NULL)
			return -1;
	}
	v->p = s->p;
	v->n = (size_t)((const char *)p + 1 - s->p);
	v->type = LL_JSTR;
	s->p = (const char *)p + 1;
	return 0;
}

static const char *
digits(const char *p, const char *end)
{
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	return p;
}

static int
scan_number(struct ll_jscan *s, struct ll_jval *v)
{
	const char *p, *q;

	p = s->p;
	if (*p == '-')
		p++;
	if (p < s->end && *p == '0')
		p++;
	else if ((q = digits(p, s->end)) == p)
		return fail(s, p, "invalid number");
	else
		p = q;
	if (p < s->end && *p == '.') {
		if ((q = digits(p + 1, s->end)) == p + 1)
			return fail(s, q, "invalid number");
		p = q;
	}
	if (p < s->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < s->end && (*p == '+' || *p == '-'))
			p++;
		if ((q = digits(p, s->end)) == p)
			return fail(s, p, "invalid number");
		p = q;
	}
	v->p = s->p;
	v->n = (size_t)(p - s->p);
	v->type = LL_JNUM;
	v->esc = 0;
	s->p = p;
	return 0;
}

static int
scan_literal(struct ll_jscan *s, struct ll_jval *v, const char *word,
    int type)
{
	size_t n;

	n = strlen(word);
	if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
		return fail(s, NULL, "invalid literal");
	v->p = s->p;
	v->n = n;
	v->type = type;
	v->esc = 0;
	s->p += n;
	return 0;
}

static int
scan_scalar(struct ll_jscan *s, struct ll_jval *v)
{
	switch (*s->p) {
	case '"':
		return scan_string(s, v);
	case 't':
		return scan_literal(s, v, "true", LL_JTRUE);
	case 'f':
		return scan_literal(s, v, "false", LL_JFALSE);
	case 'n':
		return scan_literal(s, v, "null", LL_JNULL);
	default:
		if (*s->p == '-' || (*s->p >= '0' && *s->p <= '9'))
			return scan_number(s, v);
		return fail(s, NULL, "expected a JSON value");
	}
}

static void
push(struct ll_jscan *s, char c)
{
	if (s->depth == s->cap) {
		s->cap = s->cap == 0 ? 64 : s->cap * 2;
		s->stack = xrealloc(s->stack, s->cap);
	}
	s->stack[s->depth++] = c;
}

enum want { W_VALUE, W_VALUE_OR_CLOSE, W_AFTER };

/* Skips the container at the cursor, validating all of it. */
static int
skip_container(struct ll_jscan *s)
{
	struct ll_jval v;
	size_t base;
	enum want want;
	char c, closer;

	base = s->depth;
	push(s, *s->p == '{' ? '}' : ']');
	s->p++;
	want = W_VALUE_OR_CLOSE;
	for (;;) {
		ws(s);
		if (s->p == s->end)
			return fail(s, NULL, "unexpected end of record");
		c = *s->p;
		closer = s->stack[s->depth - 1];
		if (want == W_AFTER && c == ',') {
			s->p++;
			want = W_VALUE;
			continue;
		}
		if (c == closer && want != W_VALUE) {
			s->p++;
			if (--s->depth == base)
				return 0;
			want = W_AFTER;
			continue;
		}
		if (want == W_AFTER)
			return fail(s, NULL, closer == '}' ?
			    "expected ',' or '}'" : "expected ',' or ']'");
		if (closer == '}') {
			if (c != '"')
				return fail(s, NULL, "expected a string key");
			if (scan_string(s, &v) == -1)
				return -1;
			ws(s);
			if (s->p == s->end || *s->p != ':')
				return fail(s, NULL, "expected ':'");
			s->p++;
			ws(s);
			if (s->p == s->end)
				return fail(s, NULL,
				    "unexpected end of record");
			c = *s->p;
		}
		if (c == '{' || c == '[') {
			push(s, c == '{' ? '}' : ']');
			s->p++;
			want = W_VALUE_OR_CLOSE;
			continue;
		}
		if (scan_scalar(s, &v) == -1)
			return -1;
		want = W_AFTER;
	}
}

/* Scans one value of any kind; V gets its span and type. */
int
ll_jscan_value(struct ll_jscan *s, struct ll_jval *v)
{
	const char *start;

	ws(s);
	if (s->p == s->end)
		return fail(s, NULL, "expected a JSON value");
	if (*s->p != '{' && *s->p != '[')
		return scan_scalar(s, v);
	start = s->p;
	v->type = *s->p == '{' ? LL_JOBJ : LL_JARR;
	if (skip_container(s) == -1)
		return -1;
	v->p = start;
	v->n = (size_t)(s->p - start);
	v->esc = 0;
	return 0;
}

/* The type of the next value, without consuming it. */
int
ll_jscan_peek(struct ll_jscan *s)
{
	ws(s);
	if (s->p == s->end)
		return LL_JNONE;
	switch (*s->p) {
	case '{':
		return LL_JOBJ;
	case '[':
		return LL_JARR;
	case '"':
		return LL_JSTR;
	case 't':
		return LL_JTRUE;
	case 'f':
		return LL_JFALSE;
	case 'n':
		return LL_JNULL;
	default:
		return LL_JNUM;
	}
}

int
ll_jscan_open(struct ll_jscan *s, struct ll_jiter *it)
{
	ws(s);
	if (s->p == s->end || (*s->p != '{' && *s->p != '['))
		return fail(s, NULL, "expected an object or an array");
	it->closer = *s->p == '{' ? '}' : ']';
	it->first = 1;
	s->p++;
	return 0;
}

/*
 * Moves to the next member (KEY gets its name) or element, leaving the
 * cursor at its value, which the caller must consume.  Returns 1, or 0
 * after the closing bracket, or -1.
 */
int
ll_jscan_next(struct ll_jscan *s, struct ll_jiter *it, struct ll_jval *key)
{
	ws(s);
	if (s->p == s->end)
		return fail(s, NULL, "unexpected end of record");
	if (*s->p == it->closer) {
		s->p++;
		return 0;
	}
	if (!it->first) {
		if (*s->p != ',')
			return fail(s, NULL, it->closer == '}' ?
			    "expected ',' or '}'" : "expected ',' or ']'");
		s->p++;
		ws(s);
	}
	it->first = 0;
	if (it->closer == ']')
		return 1;
	if (s->p == s->end || *s->p != '"')
		return fail(s, NULL, "expected a string key");
	if (scan_string(s, key) == -1)
		return -1;
	ws(s);
	if (s->p == s->end || *s->p != ':')
		return fail(s, NULL, "expected ':'");
	s->p++;
	return 1;
}

/* After the top-level value only whitespace may follow. */
int
ll_jscan_end(struct ll_jscan *s)
{
	ws(s);
	if (s->p != s->end)
		return fail(s, NULL, "unexpected data after the record");
	return 0;
}

static size_t
put_utf8(unsigned char *o, unsigned u)
{
	if (u < 0x80) {
		o[0] = (unsigned char)u;
		return 1;
	}
	if (u < 0x800) {
		o[0] = (unsigned char)(0xc0 | u >> 6);
		o[1] = (unsigned char)(0x80 | (u & 0x3f));
		return 2;
	}
	if (u < 0x10000) {
		o[0] = (unsigned char)(0xe0 | u >> 12);
		o[1] = (unsigned char)(0x80 | (u >> 6 & 0x3f));
		o[2] = (unsigned char)(0x80 | (u & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | u >> 18);
	o[1] = (unsigned char)(0x80 | (u >> 12 & 0x3f));
	o[2] = (unsigned char)(0x80 | (u >> 6 & 0x3f));
	o[3] = (unsigned char)(0x80 | (u & 0x3f));
	return 4;
}

/*
 * Whether the scanned string V equals WORD once its escapes are
 * decoded (keys such as "event\u004eame" are rare but legal).
 */
int
ll_jstr_eq(const struct ll_jval *v, const char *word)
{
	const unsigned char *p, *end, *w;
	unsigned char u8[4];
	unsigned u, lo;
	size_t n, i;
	const char *c;

	if (v->type != LL_JSTR)
		return 0;
	n = strlen(word);
	if (!v->esc)
		return v->n == n + 2 && memcmp(v->p + 1, word, n) == 0;
	p = (const unsigned char *)v->p + 1;
	end = (const unsigned char *)v->p + v->n - 1;
	w = (const unsigned char *)word;
	/*
	 * Every comparison first checks that WORD goes on: "\u0000"
	 * decodes to a NUL, which would match WORD's terminator and walk
	 * past it (found by tests/fuzz/fuzz_flatten).  WORD holds no NUL,
	 * so text left when it ends means no match.
	 */
	while (p < end) {
		if (*w == '\0')
			return 0;
		if (*p != '\\') {
			if (*w++ != *p++)
				return 0;
			continue;
		}
		if (p[1] != 'u') {
			c = strchr("\"\"\\\\//b\bf\fn\nr\rt\t", p[1]);
			if (*w++ != (unsigned char)c[1])
				return 0;
			p += 2;
			continue;
		}
		(void)hex4(p + 2, end, &u);
		p += 6;
		if (u >= 0xd800 && u <= 0xdbff) {
			(void)hex4(p + 2, end, &lo);
			u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
			p += 6;
		}
		n = put_utf8(u8, u);
		for (i = 0; i < n; i++)
			if (*w == '\0' || *w++ != u8[i])
				return 0;
	}
	return *w == '\0';
}

/* The byte a one-letter escape stands for ("\n": newline). */
static char
unesc(unsigned char c)
{
	switch (c) {
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	default:
		return (char)c;	/* '"', '\\' and '/' */
	}
}

/*
 * Appends the bytes a scanned string stands for, its escapes decoded
 * (the scanner has checked them, surrogate pairs included).
 */
void
ll_jbuf_addunesc(struct ll_jbuf *b, const struct ll_jval *v)
{
	const unsigned char *p, *end, *run;
	unsigned char u8[4];
	unsigned u, lo;

	p = (const unsigned char *)v->p + 1;
	end = (const unsigned char *)v->p + v->n - 1;
	while (p < end) {
		run = p;
		if ((p = memchr(p, '\\', (size_t)(end - p))) == NULL)
			p = end;
		ll_jbuf_add(b, run, (size_t)(p - run));
		if (p == end)
			break;
		if (p[1] != 'u') {
			ll_jbuf_addc(b, unesc(p[1]));
			p += 2;
			continue;
		}
		(void)hex4(p + 2, end, &u);
		p += 6;
		if (u >= 0xd800 && u <= 0xdbff) {
			(void)hex4(p + 2, end, &lo);
			u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
			p += 6;
		}
		ll_jbuf_add(b, u8, (size_t)put_utf8(u8, u));
	}
}

void
ll_jbuf_grow(struct ll_jbuf *b, size_t n)
{
	if (b->size - b->len >= n)
		return;
	while (b->size - b->len < n)
		b->size = b->size == 0 ? 4096 : b->size * 2;
	b->p = xrealloc(b->p, b->size);
}

void
ll_jbuf_add(struct ll_jbuf *b, const void *p, size_t n)
{
	if (n == 0)
		return;		/* memcpy wants pointers even then */
	ll_jbuf_grow(b, n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

void
ll_jbuf_adds(struct ll_jbuf *b, const char *s)
{
	ll_jbuf_add(b, s, strlen(s));
}

void
ll_jbuf_addc(struct ll_jbuf *b, char c)
{
	ll_jbuf_grow(b, 1);
	b->p[b->len++] = c;
}

/* Appends bytes P escaped for use inside a JSON string. */
void
ll_jbuf_addesc(struct ll_jbuf *b, const char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s, *end, *run;
	char *o;

	tables();
	ll_jbuf_grow(b, n * 6);
	o = b->p + b->len;
	s = (const unsigned char *)p;
	end = s + n;
	while (s < end) {
		run = s;
		while (s < end && (plain[*s] || *s >= 0x80))
			s++;
		memcpy(o, run, (size_t)(s - run));
		o += s - run;
		if (s == end)
			break;
		*o++ = '\\';
		if (*s == '"' || *s == '\\')
			*o++ = (char)*s;
		else if (*s == '\n')
			*o++ = 'n';
		else if (*s == '\t')
			*o++ = 't';
		else if (*s == '\r')
			*o++ = 'r';
		else {
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[*s >> 4];
			*o++ = hex[*s & 15];
		}
		s++;
	}
	b->len = (size_t)(o - b->p);
}

/* Appends bytes P as a JSON string. */
void
ll_jbuf_addraw_str(struct ll_jbuf *b, const char *p, size_t n)
{
	ll_jbuf_addc(b, '"');
	ll_jbuf_addesc(b, p, n);
	ll_jbuf_addc(b, '"');
}

/* A string value as is; any other value as a string of its JSON text. */
void
ll_jbuf_addval_str(struct ll_jbuf *b, const struct ll_jval *v)
{
	if (v->type == LL_JSTR)
		ll_jbuf_add(b, v->p, v->n);
	else
		ll_jbuf_addraw_str(b, v->p, v->n);
}

void
ll_jbuf_free(struct ll_jbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}
