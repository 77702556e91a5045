/*
 * The mapping file: who reports to whom.  Each line "manager NAME
 * PATTERN..." gives NAME the people whose principal ARN (a pattern
 * that starts with "arn:") or user name matches one of the fnmatch(3)
 * patterns.  Loading is strict, as for the controls file: a line that
 * is not understood could hand a person's sessions to nobody, so it
 * stops the run with the file and line (exit 2).
 */
#include <err.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "report.h"
#include "xalloc.h"

#define NAME_MAX_LEN	100

struct loader {
	const char	*path;
	uintmax_t	 line;
};

static __dead void LL_PRINTF(2, 3)
bad(const struct loader *ld, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: %s:%ju: ", ll_progname, ld->path, ld->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(LL_EXIT_USAGE);
}

/* A name that is safe as a directory name and in a URL path. */
static int
name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > NAME_MAX_LEN || s[0] == '.' || s[0] == '-')
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._@+-") == n;
}

static struct manager *
find_or_add(struct managers *ms, const char *name)
{
	size_t i;

	for (i = 0; i < ms->n; i++)
		if (strcmp(ms->m[i].name, name) == 0)
			return &ms->m[i];
	ms->m = xreallocarray(ms->m, ms->n + 1, sizeof(*ms->m));
	memset(&ms->m[ms->n], 0, sizeof(*ms->m));
	ms->m[ms->n].name = xstrdup(name);
	return &ms->m[ms->n++];
}

static void
add_pattern(const struct loader *ld, struct manager *m, const char *p)
{
	if (strcmp(p, "arn:") == 0)
		bad(ld, "'arn:' alone matches no principal; write 'arn:*' "
		    "for every one");
	m->pat = xreallocarray(m->pat, m->npat + 1, sizeof(*m->pat));
	m->arn = xreallocarray(m->arn, m->npat + 1, sizeof(*m->arn));
	m->pat[m->npat] = xstrdup(p);
	m->arn[m->npat] = strncmp(p, "arn:", 4) == 0;
	m->npat++;
}

static void
parse_line(struct managers *ms, const struct loader *ld, char **w,
    size_t nw)
{
	struct manager *m;
	size_t i;

	if (strcmp(w[0], "manager") != 0)
		bad(ld, "unknown keyword '%s' (expected manager)", w[0]);
	if (nw < 3)
		bad(ld, "expected 'manager NAME PATTERN...'");
	if (strcmp(w[1], UNASSIGNED) == 0)
		bad(ld, "'%s' is the page of the sessions no manager "
		    "claims; choose another name", UNASSIGNED);
	if (!name_ok(w[1]))
		bad(ld, "'%s' is not a manager name (1 to %d letters, digits, "
		    "'.', '_', '@', '+' or '-', not starting with '.' or "
		    "'-')", w[1], NAME_MAX_LEN);
	m = find_or_add(ms, w[1]);
	for (i = 2; i < nw; i++)
		add_pattern(ld, m, w[i]);
}

/* Splits a line into words; a '#' that starts a word starts a comment. */
static size_t
words(char *line, char ***wp, size_t *cap)
{
	char *p;
	size_t n = 0;

	for (p = strtok(line, " \t\r\n"); p != NULL;
	    p = strtok(NULL, " \t\r\n")) {
		if (*p == '#')
			break;
		if (n == *cap) {
			*cap = *cap * 2 + 4;
			*wp = xreallocarray(*wp, *cap, sizeof(**wp));
		}
		(*wp)[n++] = p;
	}
	return n;
}

/* Reads PATH; a line not understood exits 2, an unreadable file 3. */
void
ll_managers_load(struct managers *ms, const char *path)
{
	struct loader ld = { path, 0 };
	FILE *fp;
	char *line = NULL, **w = NULL;
	size_t cap = 0, wcap = 0, nw;
	ssize_t n;

	if ((fp = fopen(path, "r")) == NULL)
		err(LL_EXIT_IO, "%s", path);
	while ((n = getline(&line, &cap, fp)) != -1) {
		ld.line++;
		if (memchr(line, '\0', (size_t)n) != NULL)
			bad(&ld, "NUL byte");
		if ((nw = words(line, &w, &wcap)) > 0)
			parse_line(ms, &ld, w, nw);
	}
	if (ferror(fp) || fclose(fp) == EOF)
		err(LL_EXIT_IO, "%s", path);
	free(line);
	free(w);
}

/* The last page: every session that no manager claims. */
void
ll_managers_unassigned(struct managers *ms)
{
	find_or_add(ms, UNASSIGNED);
}

/* fnmatch(3) on a counted string; one with a NUL byte never matches. */
static int
glob(const char *pat, const struct str *s)
{
	if (s->p == NULL || memchr(s->p, '\0', s->n) != NULL)
		return 0;
	return fnmatch(pat, s->p, 0) == 0;
}

/* Whether M claims the person with this ARN, user name, source id. */
int
ll_managers_claims(const struct manager *m, const struct str *arn,
    const struct str *user, const struct str *srcid)
{
	size_t i;

	for (i = 0; i < m->npat; i++) {
		if (m->arn[i] ? glob(m->pat[i], arn) :
		    glob(m->pat[i], user) || glob(m->pat[i], srcid))
			return 1;
	}
	return 0;
}

void
ll_managers_free(struct managers *ms)
{
	size_t i, j;

	for (i = 0; i < ms->n; i++) {
		for (j = 0; j < ms->m[i].npat; j++)
			free(ms->m[i].pat[j]);
		free(ms->m[i].pat);
		free(ms->m[i].arn);
		free(ms->m[i].ent);
		free(ms->m[i].name);
	}
	free(ms->m);
	ms->m = NULL;
	ms->n = 0;
}
