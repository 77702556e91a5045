/*
 * ll-filter --grep: a record matches when any needle occurs in its
 * text, as written or with its strings decoded.  The record is valid
 * JSON by the time it gets here.
 *
 * Two parts: the texts a record is searched in (ll_grep_match and the
 * walk over its strings below), and the matcher that looks for the
 * needles in one text (find).  Another matcher, such as one for many
 * needles at once, replaces find and leaves the texts alone.
 */
#define _GNU_SOURCE	/* memmem */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "grep.h"
#include "json/jscan.h"
#include "json/json.h"
#include "json/lex.h"
#include "xalloc.h"

/* Exits 2 on an empty needle, which every record would hold. */
void
ll_grep_add(struct ll_grep *g, const char *pat)
{
	char *old;

	if (*pat == '\0')
		errx(LL_EXIT_USAGE, "--grep: empty string");
	g->pat = xreallocarray(g->pat, g->n + 1, sizeof(*g->pat));
	g->patlen = xreallocarray(g->patlen, g->n + 1, sizeof(*g->patlen));
	g->pat[g->n] = xstrdup(pat);
	g->patlen[g->n] = strlen(pat);
	g->n++;
	old = g->label;
	g->label = old == NULL ? xasprintf("--grep %s", pat) :
	    xasprintf("%s or --grep %s", old, pat);
	free(old);
}

/* Folds ASCII letters to lower case, the whole of what -i ignores. */
static void
fold(char *d, const char *s, size_t n)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		d[i] = (char)((unsigned)(c - 'A') < 26 ? c + 32 : c);
	}
}

void
ll_grep_done(struct ll_grep *g, int icase)
{
	size_t i;

	g->icase = icase;
	for (i = 0; i < g->n; i++) {
		if (icase)
			fold(g->pat[i], g->pat[i], g->patlen[i]);
		if (strpbrk(g->pat[i], " \t\n\r") != NULL)
			g->ws = 1;
	}
}

/*
 * Word bytes, as grep -w has them: letters, digits and the underscore;
 * any byte of a non-ASCII character counts as a letter.
 */
static int
wordbyte(unsigned char c)
{
	return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether needle I occurs in S; with --word, with no word byte beside. */
static int
occurs(const struct ll_grep *g, size_t i, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *q;
	size_t len = g->patlen[i];

	while ((q = memmem(p, (size_t)(end - p), g->pat[i], len)) != NULL) {
		if (!g->word || ((q == s || !wordbyte((unsigned char)q[-1])) &&
		    (q + len == end || !wordbyte((unsigned char)q[len]))))
			return 1;
		p = q + 1;
	}
	return 0;
}

/* The matcher: whether any needle occurs in the text S. */
static int
find(struct ll_grep *g, const char *s, size_t n)
{
	size_t i;

	if (g->icase) {
		fold(g->fold, s, n);
		s = g->fold;
	}
	for (i = 0; i < g->n; i++)
		if (occurs(g, i, s, n))
			return 1;
	return 0;
}

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
 * strings decoded too are searched.  Text that is not JSON is not
 * decoded twice, so a typed "\t" never turns into a tab.
 */
static int
inner(struct ll_grep *g, const char *b, size_t n)
{
	struct ll_jscan s;
	struct ll_jval v;
	size_t m, i;
	int ok;

	m = ll_json_unescape(g->in, b, n);
	for (i = 0; i < m && (g->in[i] == ' ' || g->in[i] == '\t' ||
	    g->in[i] == '\n' || g->in[i] == '\r'); i++)
		;
	if (i == m || (g->in[i] != '{' && g->in[i] != '[') ||
	    memchr(g->in + i, '\\', m - i) == NULL)
		return 0;
	memset(&s, 0, sizeof(s));
	ll_jscan_init(&s, g->in, m);
	ok = ll_jscan_value(&s, &v) == 0 && ll_jscan_end(&s) == 0;
	ll_jscan_free(&s);
	if (!ok)
		return 0;
	m = ll_json_unescape(g->in, g->in, m);
	return find(g, g->in, m);
}

/* Looks through every string of the record that holds escapes. */
static int
strings(struct ll_grep *g, const char *t, size_t n)
{
	const char *p = t, *end = t + n, *q;
	struct ll_lex r;

	while ((p = memchr(p, '"', (size_t)(end - p))) != NULL) {
		if ((q = ll_lex_string(p + 1, end, &r)) == NULL)
			return 0;
		if (r.esc && inner(g, p + 1, (size_t)(q - p - 2)))
			return 1;
		p = q;
	}
	return 0;
}

static void
buffers(struct ll_grep *g, size_t n)
{
	if (n <= g->size)
		return;
	free(g->text);
	free(g->dec);
	free(g->in);
	free(g->fold);
	g->size = n;
	g->text = xmalloc(n);
	g->dec = xmalloc(n);
	g->in = xmalloc(n);
	g->fold = xmalloc(n);
}

/*
 * Looks for any needle in the record as written, then with its
 * strings decoded once, so that no escape (\", \\, \/, \u00e9) hides
 * a match, then, in strings that hold JSON (CloudWatch messages,
 * Session Manager transcripts), with that JSON's strings decoded too.
 */
int
ll_grep_match(struct ll_grep *g, const char *line, size_t n)
{
	size_t m;

	buffers(g, n);
	if (g->ws) {
		n = compact(g->text, line, n);
		line = g->text;
	}
	if (find(g, line, n))
		return 1;
	if (memchr(line, '\\', n) == NULL)
		return 0;
	m = ll_json_unescape(g->dec, line, n);
	if (find(g, g->dec, m))
		return 1;
	if (memchr(g->dec, '\\', m) == NULL)
		return 0;
	return strings(g, line, n);
}

void
ll_grep_free(struct ll_grep *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->pat[i]);
	free(g->pat);
	free(g->patlen);
	free(g->label);
	free(g->text);
	free(g->dec);
	free(g->in);
	free(g->fold);
	memset(g, 0, sizeof(*g));
}
