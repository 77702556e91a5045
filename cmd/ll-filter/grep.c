/*
 * ll-filter --grep: a record matches when any needle occurs in its
 * text, after JSON escapes are decoded.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdlib.h>
#include <string.h>

#include "grep.h"
#include "json/jfind.h"
#include "xalloc.h"

void
ll_grep_add(struct ll_grep *g, const char *pat)
{
	char *old;

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
	if (icase)
		for (i = 0; i < g->n; i++)
			fold(g->pat[i], g->pat[i], g->patlen[i]);
}

static int
search(struct ll_grep *g, const char *s, size_t n)
{
	size_t i;

	if (g->icase) {
		fold(g->fold, s, n);
		s = g->fold;
	}
	for (i = 0; i < g->n; i++)
		if (memmem(s, n, g->pat[i], g->patlen[i]) != NULL)
			return 1;
	return 0;
}

/*
 * Looks for any pattern in the line as written, then with its JSON
 * escapes decoded, then decoded once more for JSON held in JSON
 * strings (CloudWatch messages, Session Manager transcripts), so that
 * no escape (\", \\, \/, \u00e9) hides a match.  A third pass would
 * turn text such as a typed "\t" into the character it names.
 */
int
ll_grep_match(struct ll_grep *g, const char *line, size_t n)
{
	size_t m;

	if (n > g->size) {
		free(g->dec);
		free(g->fold);
		g->size = n;
		g->dec = xmalloc(n);
		g->fold = xmalloc(n);
	}
	if (search(g, line, n))
		return 1;
	if (memchr(line, '\\', n) == NULL)
		return 0;
	m = ll_json_unescape(g->dec, line, n);
	if (search(g, g->dec, m))
		return 1;
	if (memchr(g->dec, '\\', m) == NULL)
		return 0;
	m = ll_json_unescape(g->dec, g->dec, m);
	return search(g, g->dec, m);
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
	free(g->dec);
	free(g->fold);
	memset(g, 0, sizeof(*g));
}
