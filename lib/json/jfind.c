/*
 * The path finder, a driver on the lexer (lex.c): it walks the text
 * once with an explicit stack, taking strings, numbers and literals
 * from the lexer.
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

#include "json/jfind.h"
#include "json/json.h"
#include "json/lex.h"
#include "xalloc.h"

#define MAXDEPTH	2048	/* jansson's JSON_PARSER_MAX_DEPTH */
#define MAXINTDIGITS	309	/* shorter, no exponent: no overflow */

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

/*
 * Scans a number; returns the byte after it, or NULL.  Only a long
 * number or one with an exponent can overflow a double, so only those
 * are converted.
 */
static const char *
scan_number(struct ll_jfind *s, const char *p, const char *end)
{
	enum ll_lex_num st = LL_NUM_START;
	struct ll_lex r;
	const char *q;

	q = ll_lex_number(p, end, &st, &r);
	if (q == NULL || !LL_LEX_NUM_DONE(st))
		return NULL;
	if ((q - p >= MAXINTDIGITS || st == LL_NUM_EXP) &&
	    overflows(s, p, (size_t)(q - p)))
		return NULL;
	return q;
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
	enum ll_jtype lt;
	enum state st = S_VALUE;
	uint64_t capt = 0, child;
	size_t d = 0, i;
	struct ll_lex r;

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
				if ((q = ll_lex_string(p + 1, end, &r)) ==
				    NULL)
					return -1;
				if (capt != 0)
					capture(s, capt, LL_JF_STRING, p + 1,
					    (size_t)(q - p - 2), r.esc);
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
				if ((q = ll_lex_literal(p, end, &lt, &r)) ==
				    NULL)
					return -1;
				t = lt == LL_JTRUE ? LL_JF_TRUE :
				    lt == LL_JFALSE ? LL_JF_FALSE : LL_JF_NULL;
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
			q = ll_lex_string(k, end, &r);
			if (q == NULL || r.nul)
				return -1;
			if (s->alive[d - 1] != 0)
				match_key(s, d - 1, k, (size_t)(q - k - 1),
				    r.esc, &capt, &child);
			p = skipws(q, end);
			if (p == end || *p != ':')
				return -1;
			p = skipws(p + 1, end);
			st = S_VALUE;
			break;
		}
	}
}
