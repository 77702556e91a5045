/*
 * ll-filter --grep: a record matches when any needle occurs in its
 * text, as written or with its strings decoded.  The record is valid
 * JSON by the time it gets here.
 *
 * Two parts: the texts a record is searched in (json/jtexts.c), and
 * the matcher that looks for the needles in one text: memmem for a
 * few --grep strings, stopping at the first text that holds one, or
 * with --indicators one Aho-Corasick pass (io/acmatch.c) over every
 * text, which also tells which needles the record holds.
 */
#define _GNU_SOURCE	/* memmem */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "grep.h"
#include "io/acmatch.h"
#include "json/jbuf.h"
#include "json/jtexts.h"
#include "xalloc.h"

static void
label(struct ll_grep *g, const char *what, const char *arg)
{
	char *old = g->label;

	g->label = old == NULL ? xasprintf("%s %s", what, arg) :
	    xasprintf("%s or %s %s", old, what, arg);
	free(old);
}

/* Exits 2 on an empty needle, which every record would hold. */
void
ll_grep_add(struct ll_grep *g, const char *pat)
{
	if (*pat == '\0')
		errx(LL_EXIT_USAGE, "--grep: empty string");
	g->pat = xreallocarray(g->pat, g->n + 1, sizeof(*g->pat));
	g->patlen = xreallocarray(g->patlen, g->n + 1, sizeof(*g->patlen));
	g->pat[g->n] = xstrdup(pat);
	g->patlen[g->n] = strlen(pat);
	g->n++;
	label(g, "--grep", pat);
}

/* --indicators FILE: its lines are needles too (read in ll_grep_done). */
void
ll_grep_file(struct ll_grep *g, const char *path)
{
	g->files = xreallocarray(g->files, g->nfiles + 1, sizeof(*g->files));
	g->files[g->nfiles++] = xstrdup(path);
	label(g, "--indicators", path);
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

/* With indicator files, every needle goes into one matcher. */
static void
indicators(struct ll_grep *g)
{
	const char *p;
	size_t i, n;

	g->ac = ll_acmatch_new(g->icase, g->word);
	for (i = 0; i < g->n; i++)
		ll_acmatch_add(g->ac, g->pat[i], g->patlen[i]);
	for (i = 0; i < g->nfiles; i++)
		if (ll_acmatch_load(g->ac, g->files[i]) == 0)
			errx(LL_EXIT_USAGE, "%s: no indicators", g->files[i]);
	ll_acmatch_build(g->ac);
	ll_achits_init(&g->hits, g->ac);
	for (i = 0; i < ll_acmatch_count(g->ac); i++) {
		p = ll_acmatch_pattern(g->ac, i, &n);
		while (n-- > 0)
			if (p[n] == ' ' || p[n] == '\t' || p[n] == '\n' ||
			    p[n] == '\r')
				g->tx.ws = 1;
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
			g->tx.ws = 1;
	}
	if (g->nfiles > 0)
		indicators(g);
}

/* Whether needle I occurs in S; with --word, standing alone. */
static int
occurs(const struct ll_grep *g, size_t i, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *q;
	size_t len = g->patlen[i];

	while ((q = memmem(p, (size_t)(end - p), g->pat[i], len)) != NULL) {
		if (!g->word || ll_acmatch_alone(s, n, (size_t)(q - s),
		    (size_t)(q - s) + len))
			return 1;
		p = q + 1;
	}
	return 0;
}

/* The matcher for --grep: whether any needle occurs in the text S. */
static int
find(void *arg, const char *s, size_t n)
{
	struct ll_grep *g = arg;
	size_t i;

	if (g->icase) {
		if (n > g->size) {
			free(g->fold);
			g->size = n;
			g->fold = xmalloc(n);
		}
		fold(g->fold, s, n);
		s = g->fold;
	}
	for (i = 0; i < g->n; i++)
		if (occurs(g, i, s, n))
			return 1;
	return 0;
}

/* The matcher for --indicators: notes every needle in S, never stops. */
static int
find_all(void *arg, const char *s, size_t n)
{
	struct ll_grep *g = arg;

	ll_acmatch_scan(g->ac, s, n, &g->hits);
	return 0;
}

int
ll_grep_match(struct ll_grep *g, const char *line, size_t n)
{
	if (g->ac == NULL)
		return ll_jtexts_walk(&g->tx, line, n, find, g);
	ll_achits_clear(&g->hits);
	ll_jtexts_walk(&g->tx, line, n, find_all, g);
	return g->hits.n > 0;
}

/*
 * "ll_match":[...]: the needles the last record matched holds, as
 * given, in the order given (--grep first, then each file).
 */
void
ll_grep_put_matches(struct ll_grep *g, struct ll_jbuf *b)
{
	const char *p;
	size_t i, n;

	ll_achits_sort(&g->hits);
	ll_jbuf_adds(b, "\"ll_match\":[");
	for (i = 0; i < g->hits.n; i++) {
		if (i > 0)
			ll_jbuf_addc(b, ',');
		p = ll_acmatch_pattern(g->ac, g->hits.id[i], &n);
		ll_jbuf_addraw_str(b, p, n);
	}
	ll_jbuf_addc(b, ']');
}

void
ll_grep_free(struct ll_grep *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->pat[i]);
	for (i = 0; i < g->nfiles; i++)
		free(g->files[i]);
	if (g->ac != NULL)
		ll_achits_free(&g->hits);
	ll_acmatch_free(g->ac);
	ll_jtexts_free(&g->tx);
	free(g->pat);
	free(g->patlen);
	free(g->files);
	free(g->label);
	free(g->fold);
	memset(g, 0, sizeof(*g));
}
