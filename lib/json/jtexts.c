/*
 * The walk over a record's texts, with its own buffers, each handed to
 * a matcher in turn until one says it found what it looked for: a
 * matcher for one needle (ll-filter's memmem) stops at the first text
 * that holds it, one for many (Aho-Corasick) may want every text.
 */
#include <stdlib.h>
#include <string.h>

#include "json/jscan.h"
#include "json/json.h"
#include "json/jtexts.h"
#include "json/lex.h"
#include "xalloc.h"

/*
 * Copies the record without the white space between its tokens, which
 * is in no key or value: a needle holding a tab must not find it.
 */
static size_t
compact(char *d, const char *s, size_t n)
{
	const char *end = s + n, *q;
	struct ll_lex r;
	size_t o = 0;

	while (s < end) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			s++;
			continue;
		}
		if (*s != '"' || (q = ll_lex_string(s + 1, end, &r)) == NULL)
			q = s + 1;
		memcpy(d + o, s, (size_t)(q - s));
		o += (size_t)(q - s);
		s = q;
	}
	return o;
}

/*
 * The string body B holds an object or an array once decoded: its own
 * strings decoded too are searched.
 */
static int
inner(struct ll_jtexts *t, const char *b, size_t n,
    int (*fn)(void *, const char *, size_t), void *arg)
{
	struct ll_jscan s;
	struct ll_jval v;
	size_t m, i;
	int ok;

	m = ll_json_unescape(t->in, b, n);
	for (i = 0; i < m && (t->in[i] == ' ' || t->in[i] == '\t' ||
	    t->in[i] == '\n' || t->in[i] == '\r'); i++)
		;
	if (i == m || (t->in[i] != '{' && t->in[i] != '[') ||
	    memchr(t->in + i, '\\', m - i) == NULL)
		return 0;
	memset(&s, 0, sizeof(s));
	ll_jscan_init(&s, t->in, m);
	ok = ll_jscan_value(&s, &v) == 0 && ll_jscan_end(&s) == 0;
	ll_jscan_free(&s);
	if (!ok)
		return 0;
	m = ll_json_unescape(t->in, t->in, m);
	return fn(arg, t->in, m);
}

/* Looks through every string of the record that holds escapes. */
static int
strings(struct ll_jtexts *t, const char *s, size_t n,
    int (*fn)(void *, const char *, size_t), void *arg)
{
	const char *p = s, *end = s + n, *q;
	struct ll_lex r;

	while ((p = memchr(p, '"', (size_t)(end - p))) != NULL) {
		if ((q = ll_lex_string(p + 1, end, &r)) == NULL)
			return 0;
		if (r.esc && inner(t, p + 1, (size_t)(q - p - 2), fn, arg))
			return 1;
		p = q;
	}
	return 0;
}

static void
buffers(struct ll_jtexts *t, size_t n)
{
	if (n <= t->size)
		return;
	free(t->text);
	free(t->dec);
	free(t->in);
	t->size = n;
	t->text = xmalloc(n);
	t->dec = xmalloc(n);
	t->in = xmalloc(n);
}

/*
 * Hands FN the record's texts in turn, until it returns non-zero;
 * returns that, or 0.  With T->ws set, white space between tokens is
 * left out first.
 */
int
ll_jtexts_walk(struct ll_jtexts *t, const char *line, size_t n,
    int (*fn)(void *, const char *, size_t), void *arg)
{
	size_t m;
	int r;

	buffers(t, n);
	if (t->ws) {
		n = compact(t->text, line, n);
		line = t->text;
	}
	if ((r = fn(arg, line, n)) != 0)
		return r;
	if (memchr(line, '\\', n) == NULL)
		return 0;
	m = ll_json_unescape(t->dec, line, n);
	if ((r = fn(arg, t->dec, m)) != 0)
		return r;
	if (memchr(t->dec, '\\', m) == NULL)
		return 0;
	return strings(t, line, n, fn, arg);
}

void
ll_jtexts_free(struct ll_jtexts *t)
{
	free(t->text);
	free(t->dec);
	free(t->in);
	memset(t, 0, sizeof(*t));
}
