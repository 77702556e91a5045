/*
 * The matcher is a deterministic automaton: a trie of the patterns
 * whose missing edges are filled in from the failure links, so the
 * scan never backs up.  Bytes that occur in no pattern share one
 * class, which keeps a state's row short (an address list needs a
 * dozen classes, not 256).  A state's number carries a flag when a
 * pattern ends there or at one of its suffixes; only then does the
 * scan walk the output links.
 *
 * Whole tokens: an occurrence counts when it is not glued to more of
 * a token on either side.  Word bytes (letters, digits, "_" and any
 * byte of a multi-byte UTF-8 character) glue; so do "-" and "." when
 * a word byte follows them away from the match, as in the addresses
 * 10.0.3.170 and 10.0.3.17.5, the host web-1.example and the instance
 * i-0abc; a "-" or "." ending a sentence does not.  Everything else
 * separates: spaces, quotes, brackets, ",", ";", "=", "@", ":" (so
 * 10.0.3.17:22 is the address) and "/" (so a user name is found at the
 * end of an ARN, as in assumed-role/Admin/alice).
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "io/acmatch.h"
#include "xalloc.h"

#define OUT	0x80000000U
#define NONE	UINT32_MAX
#define MAXCELLS	((size_t)1 << 26)	/* 256 MiB of transitions */
#define FULLCELLS	((size_t)1 << 18)	/* 1 MiB: a row per byte value */

struct ll_acmatch {
	int		 icase, whole;
	char		**pat;		/* as searched (folded with icase) */
	char		**orig;		/* as given */
	size_t		*len;
	size_t		 npat;
	unsigned char	 cls[256];
	size_t		 ncls;
	uint32_t	*next;		/* [state * ncls + class] */
	uint32_t	*run;		/* the scan's: row offsets, flagged */
	unsigned char	 start[256];	/* bytes that leave the root */
	size_t		 width;		/* a row: 256 bytes, or ncls classes */
	uint32_t	*pid;		/* pattern ending here, or NONE */
	uint32_t	*link;		/* next state down the output chain */
	size_t		 nstates;
};

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

struct ll_acmatch *
ll_acmatch_new(int icase, int whole)
{
	struct ll_acmatch *m;

	m = xcalloc(1, sizeof(*m));
	m->icase = icase;
	m->whole = whole;
	return m;
}

/* Adds a pattern (folded with icase); the id of an equal one if any. */
size_t
ll_acmatch_add(struct ll_acmatch *m, const char *p, size_t n)
{
	size_t i;
	char *s;

	s = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		s[i] = m->icase ? (char)fold((unsigned char)p[i]) : p[i];
	s[n] = '\0';
	for (i = 0; i < m->npat; i++)
		if (m->len[i] == n && memcmp(m->pat[i], s, n) == 0) {
			free(s);
			return i;
		}
	m->pat = xreallocarray(m->pat, m->npat + 1, sizeof(*m->pat));
	m->orig = xreallocarray(m->orig, m->npat + 1, sizeof(*m->orig));
	m->len = xreallocarray(m->len, m->npat + 1, sizeof(*m->len));
	m->pat[m->npat] = s;
	m->orig[m->npat] = xstrndup(p, n);
	m->len[m->npat] = n;
	return m->npat++;
}

size_t
ll_acmatch_count(const struct ll_acmatch *m)
{
	return m->npat;
}

/* Pattern ID as it was given (the first spelling, with icase). */
const char *
ll_acmatch_pattern(const struct ll_acmatch *m, size_t id, size_t *len)
{
	*len = m->len[id];
	return m->orig[id];
}

static void
classes(struct ll_acmatch *m)
{
	unsigned char seen[256] = { 0 };
	size_t i, j, distinct = 0;
	int c;

	for (i = 0; i < m->npat; i++)
		for (j = 0; j < m->len[i]; j++)
			if (!seen[(unsigned char)m->pat[i][j]]) {
				seen[(unsigned char)m->pat[i][j]] = 1;
				distinct++;
			}
	memset(m->cls, 0, sizeof(m->cls));
	m->ncls = 1;
	for (c = 0; c < 256; c++) {
		if (distinct >= 255)
			m->cls[c] = (unsigned char)c;	/* each its own */
		else if (seen[c])
			m->cls[c] = (unsigned char)m->ncls++;
	}
	if (distinct >= 255)
		m->ncls = 256;
	if (m->icase)
		for (c = 'A'; c <= 'Z'; c++)
			m->cls[c] = m->cls[c + 32];
}

static void
trie(struct ll_acmatch *m)
{
	size_t i, j, total = 1, s, cell;

	for (i = 0; i < m->npat; i++)
		total += m->len[i];
	if (total > SIZE_MAX / m->ncls || total * m->ncls > MAXCELLS ||
	    total >= OUT)
		errx(LL_EXIT_USAGE, "indicators: %zu patterns of %zu bytes "
		    "are too many for one matcher", m->npat, total);
	m->next = xreallocarray(NULL, total * m->ncls, sizeof(*m->next));
	m->pid = xreallocarray(NULL, total, sizeof(*m->pid));
	m->link = xcalloc(total, sizeof(*m->link));
	memset(m->next, 0xff, total * m->ncls * sizeof(*m->next));
	m->pid[0] = NONE;
	m->nstates = 1;
	for (i = 0; i < m->npat; i++) {
		for (s = 0, j = 0; j < m->len[i]; j++) {
			cell = s * m->ncls + m->cls[(unsigned char)m->pat[i][j]];
			if (m->next[cell] == NONE) {
				m->pid[m->nstates] = NONE;
				m->next[cell] = (uint32_t)m->nstates++;
			}
			s = m->next[cell];
		}
		if (m->pid[s] == NONE)
			m->pid[s] = (uint32_t)i;
	}
}

/*
 * Breadth first, so a state's failure target is complete before the
 * state: missing edges copy the target's, and a state is flagged when
 * its pattern or one of its failure chain's ends there.
 */
static void
automaton(struct ll_acmatch *m)
{
	uint32_t *queue, *fail, s, t, f;
	size_t head = 0, tail = 0, c;

	queue = xreallocarray(NULL, m->nstates, sizeof(*queue));
	fail = xcalloc(m->nstates, sizeof(*fail));
	for (c = 0; c < m->ncls; c++) {
		t = m->next[c];
		if (t == NONE)
			m->next[c] = 0;
		else {
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail) {
		s = queue[head++];
		f = fail[s];
		m->link[s] = m->pid[f] != NONE ? f : m->link[f];
		for (c = 0; c < m->ncls; c++) {
			t = m->next[s * m->ncls + c];
			if (t == NONE)
				m->next[s * m->ncls + c] =
				    m->next[f * m->ncls + c] & ~OUT;
			else {
				fail[t] = m->next[f * m->ncls + c] & ~OUT;
				queue[tail++] = t;
			}
		}
	}
	/* Flag the targets of edges into states that report something. */
	for (c = 0; c < m->nstates * m->ncls; c++) {
		t = m->next[c] & ~OUT;
		if (m->pid[t] != NONE || m->link[t] != 0)
			m->next[c] = t | OUT;
	}
	free(queue);
	free(fail);
}

/*
 * The table the scan walks holds each target as the offset of its row,
 * so a step is one load and an add.  A small automaton gets a row of
 * 256, one per byte value, and no class lookup.
 */
static void
runtable(struct ll_acmatch *m)
{
	size_t s, b, c;
	uint32_t t;

	for (b = 0; b < 256; b++)
		m->start[b] = m->next[m->cls[b]] != 0;
	m->width = m->nstates * 256 <= FULLCELLS ? 256 : m->ncls;
	m->run = xreallocarray(NULL, m->nstates * m->width,
	    sizeof(*m->run));
	for (s = 0; s < m->nstates; s++)
		for (b = 0; b < m->width; b++) {
			c = m->width == 256 ? m->cls[b] : b;
			t = m->next[s * m->ncls + c];
			m->run[s * m->width + b] = (uint32_t)((t & ~OUT) *
			    m->width) | (t & OUT);
		}
}

void
ll_acmatch_build(struct ll_acmatch *m)
{
	classes(m);
	trie(m);
	automaton(m);
	runtable(m);
}

static int
word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/*
 * Whether the occurrence at [A, B) of the N bytes at S stands alone,
 * as the rule at the top of this file says.
 */
int
ll_acmatch_alone(const char *s, size_t n, size_t a, size_t b)
{
	const unsigned char *u = (const unsigned char *)s;

	if (a > 0 && (word(u[a - 1]) || ((u[a - 1] == '-' ||
	    u[a - 1] == '.') && a >= 2 && word(u[a - 2]))))
		return 0;
	if (b < n && (word(u[b]) || ((u[b] == '-' || u[b] == '.') &&
	    b + 1 < n && word(u[b + 1]))))
		return 0;
	return 1;
}

/* Notes pattern ID as found; 1 if it was not already. */
int
ll_achits_add(struct ll_achits *h, uint32_t id)
{
	if (h->stamp[id] == h->gen)
		return 0;
	h->stamp[id] = h->gen;
	if (h->n == h->cap) {
		h->cap = h->cap == 0 ? 8 : h->cap * 2;
		h->id = xreallocarray(h->id, h->cap, sizeof(*h->id));
	}
	h->id[h->n++] = id;
	return 1;
}

static void
hit(const struct ll_acmatch *m, struct ll_achits *h, uint32_t id,
    const char *s, size_t n, size_t end, size_t *found)
{
	if (h->stamp[id] == h->gen)
		return;
	if (m->whole && !ll_acmatch_alone(s, n, end + 1 - m->len[id],
	    end + 1))
		return;
	*found += (size_t)ll_achits_add(h, id);
}

/*
 * Adds the patterns that occur in the N bytes at S to H (each once
 * until ll_achits_clear); returns how many were new.
 */
size_t
ll_acmatch_scan(const struct ll_acmatch *m, const char *s, size_t n,
    struct ll_achits *h)
{
	const unsigned char *u = (const unsigned char *)s;
	const uint32_t *run = m->run;
	size_t i, found = 0;
	uint32_t st = 0, o;

	if (m->npat == 0)
		return 0;
	for (i = 0; i < n; i++) {
		/* At the root, bytes that start no pattern are skipped. */
		if ((st & ~OUT) == 0) {
			while (i < n && !m->start[u[i]])
				i++;
			if (i == n)
				break;
		}
		st = m->width == 256 ? run[(st & ~OUT) + u[i]] :
		    run[(st & ~OUT) + m->cls[u[i]]];
		if ((st & OUT) == 0)
			continue;
		for (o = (uint32_t)((st & ~OUT) / m->width); o != 0;
		    o = m->link[o])
			if (m->pid[o] != NONE)
				hit(m, h, m->pid[o], s, n, i, &found);
	}
	return found;
}

void
ll_acmatch_free(struct ll_acmatch *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->npat; i++) {
		free(m->pat[i]);
		free(m->orig[i]);
	}
	free(m->pat);
	free(m->orig);
	free(m->len);
	free(m->next);
	free(m->run);
	free(m->pid);
	free(m->link);
	free(m);
}

void
ll_achits_init(struct ll_achits *h, const struct ll_acmatch *m)
{
	memset(h, 0, sizeof(*h));
	h->npat = m->npat;
	h->stamp = xcalloc(m->npat + 1, sizeof(*h->stamp));
	h->gen = 1;
}

/* Forgets what was found, for the next record. */
void
ll_achits_clear(struct ll_achits *h)
{
	h->n = 0;
	if (++h->gen == 0) {
		memset(h->stamp, 0, (h->npat + 1) * sizeof(*h->stamp));
		h->gen = 1;
	}
}

static int
idcmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Puts the patterns found in the order they were added. */
void
ll_achits_sort(struct ll_achits *h)
{
	if (h->n > 1)
		qsort(h->id, h->n, sizeof(*h->id), idcmp);
}

void
ll_achits_free(struct ll_achits *h)
{
	free(h->id);
	free(h->stamp);
	memset(h, 0, sizeof(*h));
}

/*
 * Adds the indicators of the file at PATH, one a line: surrounding
 * blanks are trimmed; empty lines and lines whose first character is
 * "#" are skipped (a "#" later in a line is part of the indicator).
 * Returns how many lines gave one; exits 2 if the file cannot be read
 * or holds a NUL byte.
 */
size_t
ll_acmatch_load(struct ll_acmatch *m, const char *path)
{
	FILE *fp;
	char *line = NULL, *p, *e;
	size_t cap = 0, n = 0, lineno = 0;
	ssize_t len;

	if ((fp = fopen(path, "r")) == NULL)
		err(LL_EXIT_USAGE, "%s", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (memchr(line, '\0', (size_t)len) != NULL)
			errx(LL_EXIT_USAGE, "%s:%zu: NUL byte in an indicator",
			    path, lineno);
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		for (e = line + len; e > p && (e[-1] == '\n' ||
		    e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		if (e == p || *p == '#')
			continue;
		(void)ll_acmatch_add(m, p, (size_t)(e - p));
		n++;
	}
	if (ferror(fp))
		err(LL_EXIT_USAGE, "%s", path);
	free(line);
	fclose(fp);
	return n;
}
