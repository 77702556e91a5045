/*
 * The in-memory JSON scanner, a driver on the lexer (lex.c): tokens
 * are the lexer's, the structure is this file's.  Containers nobody
 * asked about are skipped iteratively with an explicit stack of
 * closers, so a deeply nested record costs memory in proportion to
 * its size, never C stack.
 */
#include <stdlib.h>
#include <string.h>

#include "json/jscan.h"
#include "json/lex.h"
#include "xalloc.h"

static const unsigned char wsp[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1
};

void
ll_jscan_init(struct ll_jscan *s, const char *buf, size_t len)
{
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

/*
 * Puts the lexer's verdict on a string in this scanner's words (the
 * ones its users have seen since it had its own lexer): an escape or
 * a character is reported where it begins, a string cut off by the
 * end of the record at its opening quote.
 */
static int
string_error(struct ll_jscan *s, const struct ll_lex *r)
{
	switch (r->err) {
	case LL_LEX_CTRL:
		return fail(s, r->at, "control character in string");
	case LL_LEX_UTF8:
		return fail(s, r->unit, "invalid UTF-8");
	case LL_LEX_HEX:
		/* Past the first \uXXXX: the low half of a pair. */
		if (r->at - r->unit >= 6)
			return fail(s, r->unit, "unpaired UTF-16 surrogate");
		/* FALLTHROUGH */
	case LL_LEX_ESCAPE:
		return fail(s, r->unit, "invalid escape in string");
	case LL_LEX_SURROGATE:
		return fail(s, r->unit, "unpaired UTF-16 surrogate");
	default:
		return fail(s, r->unit == s->end ? NULL : r->unit,
		    "unterminated string");
	}
}

static int
scan_string(struct ll_jscan *s, struct ll_jval *v)
{
	struct ll_lex r;
	const char *p;

	if ((p = ll_lex_string(s->p + 1, s->end, &r)) == NULL)
		return string_error(s, &r);
	v->p = s->p;
	v->n = (size_t)(p - s->p);
	v->type = LL_JSTR;
	v->esc = r.esc;
	s->p = p;
	return 0;
}

static int
scan_number(struct ll_jscan *s, struct ll_jval *v)
{
	enum ll_lex_num st = LL_NUM_START;
	struct ll_lex r;
	const char *p;

	if ((p = ll_lex_number(s->p, s->end, &st, &r)) == NULL)
		return fail(s, r.at, "invalid number");
	if (!LL_LEX_NUM_DONE(st))
		return fail(s, p, "invalid number");
	v->p = s->p;
	v->n = (size_t)(p - s->p);
	v->type = LL_JNUM;
	v->esc = 0;
	s->p = p;
	return 0;
}

static int
scan_literal(struct ll_jscan *s, struct ll_jval *v)
{
	enum ll_jtype type;
	struct ll_lex r;
	const char *p;

	if ((p = ll_lex_literal(s->p, s->end, &type, &r)) == NULL)
		return fail(s, NULL, "invalid literal");
	v->p = s->p;
	v->n = (size_t)(p - s->p);
	v->type = type;
	v->esc = 0;
	s->p = p;
	return 0;
}

static int
scan_scalar(struct ll_jscan *s, struct ll_jval *v)
{
	switch (*s->p) {
	case '"':
		return scan_string(s, v);
	case 't':
	case 'f':
	case 'n':
		return scan_literal(s, v);
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
