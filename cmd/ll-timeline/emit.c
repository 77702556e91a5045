/*
 * CSV cells are quoted when they hold a comma, a quote, CR or LF, and
 * quotes inside are doubled; lines end in CRLF (RFC 4180).  A cell
 * that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, TAB or CR) gets a leading apostrophe, since log fields are
 * written by whoever made the requests.
 *
 * The table is laid out from its first ROWS_FOR_WIDTH rows, and fitted
 * to the terminal's width when it can be; a cell wider than its column
 * is cut, in the middle for principals and
 * streams (an ARN's two ends say the most), at the end otherwise.
 * Widths count characters.  Control characters, C1 controls and the
 * Unicode bidirectional controls are shown as escapes (\n, \x1b,
 * \u202e), so no cell can move the cursor, recolour the terminal or
 * reorder what is shown; outside a UTF-8 locale, every character
 * beyond ASCII is an escape.
 */
#include <sys/ioctl.h>

#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "io/out.h"
#include "json/jscan.h"
#include "xalloc.h"

#define NCOLS		12	/* as ll_common_columns */
#define ROWS_FOR_WIDTH	100

enum { K_TIME, K_TABLE, K_ACCOUNT, K_REGION, K_PRINCIPAL, K_ADDRESS,
	K_STREAM, K_ACTION, K_OUTCOME, K_SOURCE, K_MATCH, K_RECORD };

static const char *const names[NCOLS] = {
	"time", "table", "account", "region", "principal", "address",
	"stream", "action", "outcome", "source_object", "ll_match", "record"
};

/* The table's columns, their headings, widest and how they are cut. */
static const struct {
	int		 col;
	const char	*head;
	size_t		 max;
	int		 middle;
	size_t		 min;		/* narrowest, for a narrow terminal */
} tcols[] = {
	{ K_TIME, "TIME", 24, 0, 24 },
	{ K_TABLE, "TABLE", 14, 0, 14 },
	{ K_ACCOUNT, "ACCOUNT", 12, 0, 12 },
	{ K_REGION, "REGION", 14, 0, 9 },
	{ K_PRINCIPAL, "PRINCIPAL", 40, 1, 16 },
	{ K_ADDRESS, "ADDRESS", 22, 0, 15 },
	{ K_STREAM, "STREAM", 24, 1, 10 },
	{ K_ACTION, "ACTION", 32, 0, 12 },
	{ K_OUTCOME, "OUTCOME", 18, 0, 8 },
	{ K_MATCH, "MATCH", 24, 0, 9 }
};
#define NTCOLS	(sizeof(tcols) / sizeof(tcols[0]))

struct ll_emit {
	enum ll_emit_format fmt;
	int		 matches;	/* records have ll_match */
	int		 utf8;
	struct ll_jscan	 sc;
	struct ll_jbuf	 cell[NCOLS];	/* this record's, as text */
	int		 isnull[NCOLS];
	struct ll_jbuf	 out, tmp;
	char		**held;		/* table rows before the layout */
	size_t		 nheld;
	size_t		 width[NTCOLS];
	int		 laidout, header;
};

struct ll_emit *
ll_emit_new(enum ll_emit_format fmt, int matches, int utf8)
{
	struct ll_emit *e;

	e = xcalloc(1, sizeof(*e));
	e->fmt = fmt;
	e->matches = matches;
	e->utf8 = utf8;
	if (fmt == LL_EMIT_TABLE)
		e->held = xcalloc(ROWS_FOR_WIDTH, sizeof(*e->held));
	return e;
}

static int
colof(const struct ll_jval *k)
{
	int i;

	for (i = 0; i < NCOLS; i++)
		if (ll_jstr_eq(k, names[i]))
			return i;
	return -1;
}

/* An array of strings, joined by SEP. */
static void
joined(struct ll_emit *e, struct ll_jbuf *b, char sep)
{
	struct ll_jiter it;
	struct ll_jval v;
	int first = 1;

	if (ll_jscan_open(&e->sc, &it) == -1)
		return;
	while (ll_jscan_next(&e->sc, &it, &v) == 1 &&
	    ll_jscan_value(&e->sc, &v) == 0) {
		if (!first)
			ll_jbuf_addc(b, sep);
		first = 0;
		ll_jbuf_addunesc(b, &v);
	}
}

/* Splits a timeline record into its cells; -1 if it is not one. */
static int
cells(struct ll_emit *e, const char *p, size_t n, char sep)
{
	struct ll_jiter it;
	struct ll_jval k, v;
	int c, r;

	for (c = 0; c < NCOLS; c++) {
		e->cell[c].len = 0;
		e->isnull[c] = 1;
	}
	ll_jscan_init(&e->sc, p, n);
	if (ll_jscan_open(&e->sc, &it) == -1)
		return -1;
	while ((r = ll_jscan_next(&e->sc, &it, &k)) == 1) {
		c = colof(&k);
		if (c == K_MATCH && ll_jscan_peek(&e->sc) == LL_JARR) {
			joined(e, &e->cell[c], sep);
			e->isnull[c] = 0;
			continue;
		}
		if (ll_jscan_value(&e->sc, &v) == -1)
			return -1;
		if (c < 0 || v.type == LL_JNULL)
			continue;
		e->isnull[c] = 0;
		if (v.type == LL_JSTR)
			ll_jbuf_addunesc(&e->cell[c], &v);
		else
			ll_jbuf_add(&e->cell[c], v.p, v.n);
	}
	return r == -1 ? -1 : 0;
}

static void
csv_cell(struct ll_jbuf *b, const char *s, size_t n)
{
	size_t i;
	int quote = 0, formula;

	formula = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
	for (i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' ||
		    s[i] == '\n';
	if (quote)
		ll_jbuf_addc(b, '"');
	if (formula)
		ll_jbuf_addc(b, '\'');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			ll_jbuf_addc(b, '"');
		ll_jbuf_addc(b, s[i]);
	}
	if (quote)
		ll_jbuf_addc(b, '"');
}

static void
csv(struct ll_emit *e, const char *p, size_t n)
{
	int c, first = 1;

	e->out.len = 0;
	if (!e->header) {
		for (c = 0; c < NCOLS; c++)
			if (c != K_MATCH || e->matches) {
				ll_jbuf_adds(&e->out, first ? "" : ",");
				ll_jbuf_adds(&e->out, names[c]);
				first = 0;
			}
		ll_jbuf_adds(&e->out, "\r\n");
		ll_out_write(e->out.p, e->out.len);
		e->out.len = 0;
		e->header = 1;
	}
	if (p == NULL)
		return;
	if (cells(e, p, n, ' ') == -1)
		abort();	/* we wrote it */
	for (c = 0, first = 1; c < NCOLS; c++) {
		if (c == K_MATCH && !e->matches)
			continue;
		if (!first)
			ll_jbuf_addc(&e->out, ',');
		first = 0;
		csv_cell(&e->out, e->cell[c].p, e->cell[c].len);
	}
	ll_jbuf_adds(&e->out, "\r\n");
	ll_out_record(e->out.p, e->out.len - 1);
}

/* The length of the UTF-8 character at S, or 0 if it is not one. */
static size_t
u8len(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t k, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	k = s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (n < k)
		return 0;
	*cp = s[0] & (0x7f >> k);
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	if ((k == 3 && (*cp < 0x800 || (*cp >= 0xd800 && *cp <= 0xdfff))) ||
	    (k == 4 && (*cp < 0x10000 || *cp > 0x10ffff)))
		return 0;
	return k;
}

static int
unsafe(unsigned cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
	    cp == 0x61c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Text made safe for a terminal, into B, as a run of characters whose
 * starts are noted in B (so it can be cut at a character).
 */
static void
safe(struct ll_emit *e, const char *s, size_t n, struct ll_jbuf *b)
{
	const unsigned char *u = (const unsigned char *)s;
	char esc[16];
	size_t i, k;
	unsigned cp;

	for (i = 0; i < n; i += k) {
		if ((k = u8len(u + i, n - i, &cp)) == 0) {
			snprintf(esc, sizeof(esc), "\\x%02x", u[i]);
			ll_jbuf_adds(b, esc);
			k = 1;
			continue;
		}
		if (cp == '\n' || cp == '\t' || cp == '\r' || cp == '\\')
			snprintf(esc, sizeof(esc), "\\%c", cp == '\n' ? 'n' :
			    cp == '\t' ? 't' : cp == '\r' ? 'r' : '\\');
		else if (cp < 0x20 || cp == 0x7f)
			snprintf(esc, sizeof(esc), "\\x%02x", cp);
		else if (unsafe(cp) || (!e->utf8 && cp >= 0x80))
			snprintf(esc, sizeof(esc), "\\u%04x", cp);
		else {
			ll_jbuf_add(b, s + i, k);
			continue;
		}
		ll_jbuf_adds(b, esc);
	}
}

/* Characters in the N bytes at S (valid UTF-8 after safe()). */
static size_t
chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* The byte offset of character number C of S. */
static size_t
at_char(const char *s, size_t n, size_t c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && c-- == 0)
			return i;
	return n;
}

/* Cell text, cut to W characters, padded to W unless LAST. */
static void
fit(struct ll_emit *e, struct ll_jbuf *b, const char *s, size_t n, size_t w,
    int middle, int last)
{
	const char *cut = e->utf8 ? "\xe2\x80\xa6" : "~";
	size_t c = chars(s, n), head, tail;

	if (c <= w) {
		ll_jbuf_add(b, s, n);
		for (; !last && c < w; c++)
			ll_jbuf_addc(b, ' ');
		return;
	}
	head = middle ? (w - 1) / 2 : w - 1;
	tail = w - 1 - head;
	ll_jbuf_add(b, s, at_char(s, n, head));
	ll_jbuf_adds(b, cut);
	if (tail > 0) {
		head = at_char(s, n, c - tail);
		ll_jbuf_add(b, s + head, n - head);
	}
}

/* One table row from held text: the cells, each safe, tab separated. */
static void
table_line(struct ll_emit *e, const char *row)
{
	const char *p = row, *tab;
	size_t i, n;

	e->out.len = 0;
	for (i = 0; i < NTCOLS; i++) {
		if (tcols[i].col == K_MATCH && !e->matches)
			break;
		tab = strchr(p, '\t');
		n = (size_t)(tab - p);
		if (i > 0)
			ll_jbuf_adds(&e->out, "  ");
		fit(e, &e->out, p, n, e->width[i], tcols[i].middle,
		    i + 1 == NTCOLS || (tcols[i + 1].col == K_MATCH &&
		    !e->matches));
		p = tab + 1;
	}
	while (e->out.len > 0 && e->out.p[e->out.len - 1] == ' ')
		e->out.len--;
	ll_out_record(e->out.p, e->out.len);
}

/*
 * On a terminal narrower than the table, the widest columns give way,
 * a character at a time, down to their narrowest.
 */
static void
narrow(struct ll_emit *e)
{
	struct winsize ws;
	size_t i, w, total, widest;
	size_t n = e->matches ? NTCOLS : NTCOLS - 1;

	if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == -1 || ws.ws_col == 0)
		return;
	for (;;) {
		for (i = 0, total = 2 * (n - 1); i < n; i++)
			total += e->width[i];
		if (total <= ws.ws_col)
			return;
		for (i = 0, widest = n, w = 0; i < n; i++)
			if (e->width[i] > tcols[i].min && e->width[i] > w) {
				w = e->width[i];
				widest = i;
			}
		if (widest == n)
			return;
		e->width[widest]--;
	}
}

static void
layout(struct ll_emit *e)
{
	const char *p, *tab;
	size_t i, j, c;

	for (i = 0; i < NTCOLS; i++)
		e->width[i] = strlen(tcols[i].head);
	for (j = 0; j < e->nheld; j++)
		for (i = 0, p = e->held[j]; i < NTCOLS; i++, p = tab + 1) {
			tab = strchr(p, '\t');
			c = chars(p, (size_t)(tab - p));
			if (c > e->width[i])
				e->width[i] = c < tcols[i].max ? c :
				    tcols[i].max;
		}
	narrow(e);
	e->out.len = 0;
	e->tmp.len = 0;
	for (i = 0; i < NTCOLS; i++) {
		ll_jbuf_adds(&e->tmp, tcols[i].head);
		ll_jbuf_addc(&e->tmp, '\t');
	}
	ll_jbuf_addc(&e->tmp, '\0');
	table_line(e, e->tmp.p);
	for (j = 0; j < e->nheld; j++) {
		table_line(e, e->held[j]);
		free(e->held[j]);
	}
	e->nheld = 0;
	e->laidout = 1;
}

static void
table(struct ll_emit *e, const char *p, size_t n)
{
	size_t i;

	if (cells(e, p, n, ',') == -1)
		abort();	/* we wrote it */
	e->tmp.len = 0;
	for (i = 0; i < NTCOLS; i++) {
		if (e->isnull[tcols[i].col])
			ll_jbuf_addc(&e->tmp, '-');
		else
			safe(e, e->cell[tcols[i].col].p,
			    e->cell[tcols[i].col].len, &e->tmp);
		ll_jbuf_addc(&e->tmp, '\t');
	}
	ll_jbuf_addc(&e->tmp, '\0');
	if (e->laidout) {
		table_line(e, e->tmp.p);
		return;
	}
	e->held[e->nheld++] = xstrdup(e->tmp.p);
	if (e->nheld == ROWS_FOR_WIDTH)
		layout(e);
}

/* Writes one timeline record (an ll_sorter_drain callback). */
void
ll_emit_record(void *arg, const char *p, size_t n)
{
	struct ll_emit *e = arg;

	switch (e->fmt) {
	case LL_EMIT_NDJSON:
		ll_out_record(p, n);
		break;
	case LL_EMIT_CSV:
		csv(e, p, n);
		break;
	case LL_EMIT_TABLE:
		table(e, p, n);
		break;
	}
}

/* Writes what is held (a table's first rows, a CSV header) and frees. */
void
ll_emit_finish(struct ll_emit *e)
{
	int c;

	if (e->fmt == LL_EMIT_CSV && !e->header)
		csv(e, NULL, 0);
	if (e->fmt == LL_EMIT_TABLE && !e->laidout && e->nheld > 0)
		layout(e);
	for (c = 0; c < NCOLS; c++)
		ll_jbuf_free(&e->cell[c]);
	ll_jbuf_free(&e->out);
	ll_jbuf_free(&e->tmp);
	ll_jscan_free(&e->sc);
	free(e->held);
	free(e);
}
