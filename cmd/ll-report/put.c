/*
 * Output files and the escaping every format needs.  A file is built
 * from a head written last (it holds totals known only at the end) and
 * parts spooled to unlinked temporary files, so a page's memory does
 * not grow with its sessions; it appears under its name complete or
 * not at all (lib/atomicfile).  Text from the input is hostile: every
 * writer here turns control and bidirectional-override characters
 * into visible marks, and each format's own specials into inert text.
 */
#include <sys/stat.h>

#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/afile.h"
#include "ll.h"
#include "report.h"
#include "xalloc.h"

static mode_t filemode = 0644;

/* Files get the mode the user's umask asks for, as cp(1) would. */
void
ll_put_umask(void)
{
	mode_t m;

	m = umask(0);
	umask(m);
	filemode = 0666 & ~m;
}

FILE *
ll_put_spool(void)
{
	FILE *fp;

	if ((fp = fdopen(ll_afile_unnamed("ll-report"), "w+")) == NULL)
		err(LL_EXIT_IO, "fdopen");
	return fp;
}

void
ll_put_open(struct outfile *of, const char *dir, const char *name, int nparts)
{
	int i;

	memset(of, 0, sizeof(*of));
	of->path = xasprintf("%s/%s", dir, name);
	of->fp = ll_afile_open(&of->af, of->path);
	if (fchmod(fileno(of->fp), filemode) == -1)
		err(LL_EXIT_IO, "%s", of->path);
	for (i = 0; i < nparts; i++)
		of->part[i] = ll_put_spool();
	of->nparts = nparts;
}

/* Appends part K to the file and closes the part. */
void
ll_put_part(struct outfile *of, int k)
{
	char buf[65536];
	size_t n;

	if (fflush(of->part[k]) == EOF || ferror(of->part[k]))
		err(LL_EXIT_IO, "temporary file");
	rewind(of->part[k]);
	while ((n = fread(buf, 1, sizeof(buf), of->part[k])) > 0)
		ll_put(of->fp, buf, n);
	if (ferror(of->part[k]))
		err(LL_EXIT_IO, "temporary file");
	fclose(of->part[k]);
	of->part[k] = NULL;
}

void
ll_put_commit(struct outfile *of)
{
	int i;

	for (i = 0; i < of->nparts; i++)
		if (of->part[i] != NULL)
			ll_put_part(of, i);
	if (ferror(of->fp) || ll_afile_commit(&of->af) == -1)
		err(LL_EXIT_IO, "%s", of->path);
	free(of->path);
	of->path = NULL;
}

void
ll_put(FILE *fp, const char *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, fp) != n)
		err(LL_EXIT_IO, "write");
}

void
ll_put_s(FILE *fp, const char *s)
{
	ll_put(fp, s, strlen(s));
}

void
ll_put_f(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(fp, fmt, ap);
	va_end(ap);
	if (r < 0)
		err(LL_EXIT_IO, "write");
}

/*
 * The code point of a character that would act instead of showing:
 * C0 and C1 controls, DEL, and the marks and overrides that reorder
 * text (a line can be made to read unlike what was typed).  Returns
 * -1 for any other character; *len is the bytes it takes.
 */
static long
special(const unsigned char *p, size_t n, size_t *len)
{
	long c;

	*len = 1;
	if (p[0] < 0x20 || p[0] == 0x7f)
		return p[0];
	if (p[0] == 0xc2 && n > 1 && p[1] >= 0x80 && p[1] <= 0x9f) {
		*len = 2;
		return p[1];
	}
	if (p[0] == 0xd8 && n > 1 && p[1] == 0x9c) {
		*len = 2;
		return 0x61c;
	}
	if (p[0] != 0xe2 || n < 3)
		return -1;
	c = 0x2000 | (long)(p[1] & 0x3f) << 6 | (long)(p[2] & 0x3f);
	if ((c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069)) {
		*len = 3;
		return c;
	}
	return -1;
}

/*
 * A C0 control in caret notation in a page (styled apart from typed
 * text, and in every font), as its picture (U+2400 block) in plain
 * text; anything else as <U+XXXX>.
 */
static void
mark(FILE *fp, long c, int html)
{
	if (c < 0x20 && html)
		ll_put_f(fp, "^%c", (char)(c + 64));
	else if (c == 0x7f && html)
		ll_put_s(fp, "^?");
	else if (c < 0x20)
		ll_put_f(fp, "\xe2\x90%c", (char)(0x80 + c));
	else if (c == 0x7f)
		ll_put_s(fp, "\xe2\x90\xa1");
	else
		ll_put_f(fp, html ? "&lt;U+%04lX&gt;" : "<U+%04lX>", c);
}

static const char *
entity(unsigned char c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	}
	return NULL;
}

/* Text as HTML element content or a quoted attribute value. */
void
ll_put_html(FILE *fp, const struct str *s)
{
	const unsigned char *p = (const unsigned char *)s->p;
	const char *ent;
	size_t i, run, len;
	long c = -1;

	for (i = run = 0; i < s->n; i += len) {
		len = 1;
		if ((ent = entity(p[i])) == NULL &&
		    (c = special(p + i, s->n - i, &len)) < 0)
			continue;
		ll_put(fp, s->p + run, i - run);
		run = i + len;
		if (ent != NULL)
			ll_put_s(fp, ent);
		else {
			ll_put_s(fp, "<span class=\"cc\">");
			mark(fp, c, 1);
			ll_put_s(fp, "</span>");
		}
	}
	ll_put(fp, s->p + run, s->n - run);
}

/*
 * Text for a mail or a terminal.  With LINES, newlines and tabs are
 * kept and "\r\n" ends a line as "\n" does (a transcript); without,
 * every control is marked (a field on one line).
 */
void
ll_put_text(FILE *fp, const struct str *s, int lines)
{
	const unsigned char *p = (const unsigned char *)s->p;
	size_t i, run, len;
	long c;

	for (i = run = 0; i < s->n; i += len) {
		if ((c = special(p + i, s->n - i, &len)) < 0)
			continue;
		if (lines && (c == '\n' || c == '\t'))
			continue;
		ll_put(fp, s->p + run, i - run);
		run = i + len;
		if (lines && c == '\r' && i + 1 < s->n && p[i + 1] == '\n')
			continue;
		mark(fp, c, 0);
	}
	ll_put(fp, s->p + run, s->n - run);
}

/*
 * A JSON string that is safe inside <script type="application/json">:
 * '<', '>' and '&' are escaped, so "</script>" and "<!--" cannot occur
 * in it, and the browser's JSON.parse gives back the text exactly.
 */
void
ll_put_json(FILE *fp, const struct str *s)
{
	const unsigned char *p = (const unsigned char *)s->p;
	size_t i, run;
	unsigned char c;

	ll_put_s(fp, "\"");
	for (i = run = 0; i < s->n; i++) {
		c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != '<' &&
		    c != '>' && c != '&' && c != 0x7f && !(c == 0xe2 &&
		    i + 2 < s->n && p[i + 1] == 0x80 && (p[i + 2] == 0xa8 ||
		    p[i + 2] == 0xa9)))
			continue;
		ll_put(fp, s->p + run, i - run);
		if (c == '"' || c == '\\')
			ll_put_f(fp, "\\%c", c);
		else if (c == 0xe2) {
			/* U+2028 and U+2029, line ends to older parsers. */
			ll_put_f(fp, "\\u%04x", 0x2028 + (p[i + 2] - 0xa8));
			i += 2;
		} else
			ll_put_f(fp, "\\u%04x", c);
		run = i + 1;
	}
	ll_put(fp, s->p + run, s->n - run);
	ll_put_s(fp, "\"");
}

/*
 * A CSV field (RFC 4180), always quoted.  A value that a spreadsheet
 * would take for a formula (=, +, -, @ first) gets a leading "'", the
 * usual defence; controls are marked so that a row stays one line.
 */
void
ll_put_csv(FILE *fp, const struct str *s)
{
	const unsigned char *p = (const unsigned char *)s->p;
	size_t i, run, len;
	long c = -1;

	if (s->p == NULL)
		return;
	ll_put_s(fp, "\"");
	if (s->n > 0 && p[0] != '\0' && strchr("=+-@", p[0]) != NULL)
		ll_put_s(fp, "'");
	for (i = run = 0; i < s->n; i += len) {
		len = 1;
		if (p[i] != '"' && (c = special(p + i, s->n - i, &len)) < 0)
			continue;
		ll_put(fp, s->p + run, i - run);
		run = i + len;
		if (p[i] == '"')
			ll_put_s(fp, "\"\"");
		else
			mark(fp, c, 0);
	}
	ll_put(fp, s->p + run, s->n - run);
	ll_put_s(fp, "\"");
}

/*
 * Text inside Markdown: controls marked, and a backslash before each
 * character that could start markup, a link, a code span or a table
 * cell, so that a renderer shows what was there.
 */
void
ll_put_md(FILE *fp, const struct str *s)
{
	const unsigned char *p = (const unsigned char *)s->p;
	size_t i, run, len;
	long c = -1;

	for (i = run = 0; i < s->n; i += len) {
		len = 1;
		if ((p[i] == '\0' || strchr("\\`<>&[]|", p[i]) == NULL) &&
		    (c = special(p + i, s->n - i, &len)) < 0)
			continue;
		ll_put(fp, s->p + run, i - run);
		run = i + len;
		if (c < 0)
			ll_put_f(fp, "\\%c", p[i]);
		else
			mark(fp, c, 0);
		c = -1;
	}
	ll_put(fp, s->p + run, s->n - run);
}
