/*
 * Compiled values of field tests, and the tests themselves.  Sigma's
 * plain values are wildcard patterns ('*' any text, '?' one
 * character, '\' escaping either or itself) matched without regard to
 * ASCII case, so the pattern is lowered once here and each field's
 * text once per record.  Regular expressions are PCRE2, compiled once
 * with JIT where the machine has it.
 */
#define _GNU_SOURCE	/* memmem */

#include <arpa/inet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#include "sigma.h"

static pcre2_match_data *mdata;

/* Matches PCRE2 gave up on (its match limit): taken as no match. */
uintmax_t ll_value_re_errors;

static char
lc(char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/*
 * Reads Sigma's wildcards and escapes into bytes and marks, adds the
 * stars that SHAPE (contains, startswith, endswith) implies, and
 * recognises the shapes that need no general matcher.
 */
int
ll_value_glob(struct value *v, const char *s, size_t n, enum vshape shape,
    int cased)
{
	unsigned char *w;
	char *l;
	size_t i, o = 0, stars = 0, first = 0, last = 0;
	int q = 0;

	l = xmalloc(n + 2);
	w = xmalloc(n + 2);
	if (shape == S_SUFFIX || shape == S_SUBSTR)
		w[o++] = '*';
	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '*' ||
		    s[i + 1] == '?' || s[i + 1] == '\\')) {
			l[o] = s[++i];
			w[o++] = 0;
		} else if (s[i] == '*' || s[i] == '?') {
			if (s[i] == '*' && o > 0 && w[o - 1] == '*')
				continue;
			w[o++] = (unsigned char)s[i];
		} else {
			l[o] = s[i];
			w[o++] = 0;
		}
	}
	if ((shape == S_PREFIX || shape == S_SUBSTR) && !(o > 0 &&
	    w[o - 1] == '*'))
		w[o++] = '*';
	for (i = 0; i < o; i++) {
		if (w[i] == 0) {
			if (!cased)
				l[i] = lc(l[i]);
			continue;
		}
		if (w[i] == '?')
			q = 1;
		else {
			if (stars++ == 0)
				first = i;
			last = i;
		}
	}
	memset(v, 0, sizeof(*v));
	v->kind = V_STR;
	v->cased = cased;
	v->lit = l;
	v->wild = w;
	v->len = o;
	v->qmark = q;
	if (q || stars > 2 || (stars == 2 && (first != 0 || last != o - 1)))
		v->shape = S_GLOB;
	else if (stars == 0)
		v->shape = S_EXACT;
	else if (o == 1)
		v->shape = S_ANY;
	else if (stars == 2)
		v->shape = S_SUBSTR;
	else if (first == o - 1)
		v->shape = S_PREFIX;
	else if (first == 0)
		v->shape = S_SUFFIX;
	else
		v->shape = S_GLOB;
	if (v->shape == S_GLOB)
		return 0;
	/* Keep only the literal between the stars. */
	if (v->shape == S_SUFFIX || v->shape == S_SUBSTR) {
		memmove(l, l + 1, o - 1);
		o--;
	}
	if (v->shape == S_PREFIX || v->shape == S_SUBSTR)
		o--;
	v->len = o;
	free(v->wild);
	v->wild = NULL;
	return 0;
}

/* The bytes of the UTF-8 character that starts with C. */
static size_t
charlen(unsigned char c)
{
	if (c < 0xc0)
		return 1;
	if (c < 0xe0)
		return 2;
	return c < 0xf0 ? 3 : 4;
}

/*
 * The general wildcard match: on a mismatch after a star, the star
 * takes one more character and the pattern resumes after it.
 */
static int
glob(const struct value *v, const char *t, size_t n)
{
	size_t i = 0, j = 0, star = 0, mark = 0;
	int starred = 0;

	while (j < n) {
		if (i < v->len && v->wild[i] == '?') {
			i++;
			j += charlen((unsigned char)t[j]);
		} else if (i < v->len && v->wild[i] == 0 && v->lit[i] == t[j]) {
			i++;
			j++;
		} else if (i < v->len && v->wild[i] == '*') {
			starred = 1;
			star = i++;
			mark = j;
		} else if (starred) {
			i = star + 1;
			mark += charlen((unsigned char)t[mark]);
			j = mark;
		} else
			return 0;
	}
	if (j > n)
		return 0;
	while (i < v->len && v->wild[i] == '*')
		i++;
	return i == v->len;
}

/*
 * A pattern of literals and stars only: the literal before the first
 * star anchors at the start, the one after the last at the end, and
 * each one between is found by memmem at its leftmost place, which is
 * never worse for the rest of the match.
 */
static int
stars(const struct value *v, const char *t, size_t n)
{
	const char *p;
	size_t i, j, k;

	for (i = 0; i < v->len && v->wild[i] == 0; i++)
		;
	if (i > n || memcmp(t, v->lit, i) != 0)
		return 0;
	j = i;			/* bytes of T matched so far */
	while (i < v->len) {
		i++;		/* the star */
		for (k = i; k < v->len && v->wild[k] == 0; k++)
			;
		if (k == i)
			return 1;	/* a last star takes the rest */
		if (k == v->len)
			return n - j >= k - i && memcmp(t + n - (k - i),
			    v->lit + i, k - i) == 0;
		if ((p = memmem(t + j, n - j, v->lit + i, k - i)) == NULL)
			return 0;
		j = (size_t)(p - t) + (k - i);
		i = k;
	}
	return j == n;
}

static int
strmatch(const struct value *v, const char *t, size_t n)
{
	switch (v->shape) {
	case S_EXACT:
		return n == v->len && memcmp(t, v->lit, n) == 0;
	case S_PREFIX:
		return n >= v->len && memcmp(t, v->lit, v->len) == 0;
	case S_SUFFIX:
		return n >= v->len && memcmp(t + n - v->len, v->lit,
		    v->len) == 0;
	case S_SUBSTR:
		return v->len == 0 || memmem(t, n, v->lit, v->len) != NULL;
	case S_ANY:
		return 1;
	case S_GLOB:
		return v->qmark ? glob(v, t, n) : stars(v, t, n);
	}
	return 0;
}

int
ll_value_re(struct value *v, const char *s, size_t n, uint32_t flags,
    char *why, size_t whysize)
{
	PCRE2_UCHAR msg[120];
	PCRE2_SIZE off;
	int code;

	memset(v, 0, sizeof(*v));
	v->kind = V_RE;
	v->re = pcre2_compile((PCRE2_SPTR)s, n, flags | PCRE2_UTF |
	    PCRE2_MATCH_INVALID_UTF, &code, &off, NULL);
	if (v->re == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		snprintf(why, whysize, "regular expression at character "
		    "%zu: %s", (size_t)off, (char *)msg);
		return -1;
	}
	(void)pcre2_jit_compile(v->re, PCRE2_JIT_COMPLETE);
	if (mdata == NULL)
		mdata = pcre2_match_data_create(1, NULL);
	return 0;
}

/* ADDR or ADDR/BITS, IPv4 or IPv6. */
int
ll_value_cidr(struct value *v, const char *s)
{
	char addr[INET6_ADDRSTRLEN + 1], *end;
	const char *slash;
	size_t n;
	long bits;

	memset(v, 0, sizeof(*v));
	v->kind = V_CIDR;
	slash = strchr(s, '/');
	n = slash != NULL ? (size_t)(slash - s) : strlen(s);
	if (n >= sizeof(addr))
		return -1;
	memcpy(addr, s, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, v->net) == 1)
		v->family = AF_INET;
	else if (inet_pton(AF_INET6, addr, v->net) == 1)
		v->family = AF_INET6;
	else
		return -1;
	v->bits = v->family == AF_INET ? 32 : 128;
	if (slash == NULL)
		return 0;
	bits = strtol(slash + 1, &end, 10);
	if (end == slash + 1 || *end != '\0' || bits < 0 || bits > v->bits)
		return -1;
	v->bits = (int)bits;
	return 0;
}

static int
cidrmatch(const struct value *v, const char *t, size_t n)
{
	unsigned char a[16];
	char buf[INET6_ADDRSTRLEN + 1];
	int full, rest;

	if (n >= sizeof(buf) || memchr(t, '\0', n) != NULL)
		return 0;
	memcpy(buf, t, n);
	buf[n] = '\0';
	if (inet_pton(v->family, buf, a) != 1)
		return 0;
	full = v->bits / 8;
	rest = v->bits % 8;
	if (memcmp(a, v->net, (size_t)full) != 0)
		return 0;
	return rest == 0 || ((a[full] ^ v->net[full]) &
	    (0xff << (8 - rest) & 0xff)) == 0;
}

/* A number's text, or a string holding only a number. */
static int
number(const char *t, size_t n, double *d)
{
	char buf[64], *end;
	size_t i;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	for (i = 0; i < n; i++)
		if (strchr("0123456789+-.eE", t[i]) == NULL || t[i] == '\0')
			return -1;
	memcpy(buf, t, n);
	buf[n] = '\0';
	*d = strtod(buf, &end);
	return *end == '\0' ? 0 : -1;
}

static int
compare(const struct value *v, double d)
{
	switch (v->kind) {
	case V_LT:
		return d < v->num;
	case V_LTE:
		return d <= v->num;
	case V_GT:
		return d > v->num;
	case V_GTE:
		return d >= v->num;
	default:
		return d == v->num;
	}
}

/* A field's value against another field's values (fieldref). */
static int
refmatch(const struct value *v, struct fields *f, const char *t, size_t n)
{
	struct rvalue *rv;
	const char *u;
	size_t un;
	int i;

	for (i = f->node[v->refnode].first; i >= 0; i = rv->next) {
		rv = &f->val[i];
		if ((u = ll_fields_text(f, rv, !v->cased, &un)) == NULL)
			continue;
		switch (v->shape) {
		case S_PREFIX:
			if (n >= un && memcmp(t, u, un) == 0)
				return 1;
			break;
		case S_SUFFIX:
			if (n >= un && memcmp(t + n - un, u, un) == 0)
				return 1;
			break;
		case S_SUBSTR:
			if (un == 0 || memmem(t, n, u, un) != NULL)
				return 1;
			break;
		default:
			if (n == un && memcmp(t, u, n) == 0)
				return 1;
		}
	}
	return 0;
}

static int
one(const struct value *v, struct fields *f, struct rvalue *rv)
{
	const char *t;
	size_t n;
	double d;
	int r;

	if ((t = ll_fields_text(f, rv, v->kind == V_STR || v->kind == V_REF ?
	    !v->cased : 0, &n)) == NULL)
		return 0;
	switch (v->kind) {
	case V_STR:
		return strmatch(v, t, n);
	case V_NUM:
		if (rv->v.type == LL_JNUM)
			return number(t, n, &d) == 0 && d == v->num;
		return n == v->len && memcmp(t, v->lit, n) == 0;
	case V_RE:
		r = pcre2_match(v->re, (PCRE2_SPTR)t, n, 0, 0, mdata, NULL);
		if (r < 0 && r != PCRE2_ERROR_NOMATCH)
			ll_value_re_errors++;
		return r >= 0;
	case V_CIDR:
		return rv->v.type == LL_JSTR && cidrmatch(v, t, n);
	case V_REF:
		return refmatch(v, f, t, n);
	case V_LT:
	case V_LTE:
	case V_GT:
	case V_GTE:
		return (rv->v.type == LL_JNUM || rv->v.type == LL_JSTR) &&
		    number(t, n, &d) == 0 && compare(v, d);
	default:
		return 0;
	}
}

/* Whether the field at NODE has a value that V matches. */
int
ll_value_test(const struct value *v, struct fields *f, size_t node)
{
	struct rvalue *rv;
	int i;

	if (v->kind == V_NULL)
		return !f->node[node].present;
	if (v->kind == V_EXISTS)
		return f->node[node].present == v->exists;
	for (i = f->node[node].first; i >= 0; i = rv->next) {
		rv = &f->val[i];
		if (one(v, f, rv))
			return 1;
	}
	return 0;
}

void
ll_value_free(struct value *v)
{
	free(v->lit);
	free(v->wild);
	free(v->ref);
	if (v->re != NULL)
		pcre2_code_free(v->re);
	memset(v, 0, sizeof(*v));
}

void
ll_value_done(void)
{
	if (mdata != NULL)
		pcre2_match_data_free(mdata);
	mdata = NULL;
}
