/*
 * One manager's HTML page.  Sessions stream into three parts (table
 * rows, sign-off rows, transcripts as JSON blocks) and the head, with
 * totals and the chart, is written when the last session is in.  A
 * Content-Security-Policy allows only the page's own style sheet and
 * script, by hash: no request leaves the page, and markup that got
 * past the escaping still could not run.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "assets.h"
#include "ll.h"
#include "report.h"
#include "xalloc.h"

enum { P_ROWS, P_SIGN, P_TEXT };

/* Table rows a page shows at once; the script's PAGE is the same. */
#define PAGE_ROWS	100
#define PAGE_ROWS_TEXT	"100"

struct page {
	struct outfile	 of;
	const struct run *run;
	char		*name;
};

/* 'sha256-...' of an inline element's text, for the CSP. */
static void
csp_hash(const char *text, char out[64])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n;

	if (EVP_Digest(text, strlen(text), md, &n, EVP_sha256(), NULL) != 1)
		errx(LL_EXIT_IO, "SHA-256 failed");
	EVP_EncodeBlock((unsigned char *)out, md, (int)n);
}

struct page *
html_begin(const char *dir, const struct run *run, const char *name)
{
	struct page *pg;

	pg = xcalloc(1, sizeof(*pg));
	pg->run = run;
	pg->name = xstrdup(name);
	out_open(&pg->of, dir, "review.html", 3);
	return pg;
}

/* A field, or a grey "-" when the row has none. */
static void
opt(FILE *fp, const struct str *s)
{
	if (s->p != NULL)
		put_html(fp, s);
	else
		puts_(fp, "<span class=\"none\">-</span>");
}

static void
cell(FILE *fp, const char *cls, const struct str *s)
{
	if (cls != NULL)
		putf(fp, "<td class=\"%s\">", cls);
	else
		puts_(fp, "<td>");
	opt(fp, s);
	puts_(fp, "</td>");
}

static void
result(FILE *fp, const struct session *s)
{
	if (s->errcode.p == NULL) {
		puts_(fp, "<td>ok</td>");
		return;
	}
	puts_(fp, "<td class=\"deny\">denied: ");
	put_html(fp, &s->errcode);
	puts_(fp, "</td>");
}

void
html_session(struct page *pg, size_t n, const struct session *s)
{
	FILE *fp = pg->of.part[P_ROWS];
	char utc[32], local[64], dur[32];
	struct str t;

	clock_utc(s->start, utc);
	clock_duration(s->duration, dur);
	/* Rows past the first page wait for the script: no layout. */
	putf(fp, "<tr class=\"s\" id=\"s%zu\" data-n=\"%zu\"%s><td "
	    "class=\"r\">%zu</td><td class=\"nw\">%s", n, n, n > PAGE_ROWS ?
	    " hidden" : "", n, utc);
	if (pg->run->clock.zone != NULL) {
		clock_local(&pg->run->clock, s->start, local);
		t = cstr(local);
		puts_(fp, "<br><small>");
		put_html(fp, &t);
		puts_(fp, "</small>");
	}
	puts_(fp, "</td>");
	puts_(fp, "<td class=\"w\"><b>");
	t = s->user.p != NULL ? s->user : cstr("?");
	put_html(fp, &t);
	puts_(fp, "</b><br><small>");
	put_html(fp, &s->arn);
	puts_(fp, "</small></td>");
	cell(fp, NULL, &s->ip);
	puts_(fp, "<td class=\"nw\">");
	opt(fp, &s->target);
	puts_(fp, "<br><small>");
	opt(fp, &s->document);
	putf(fp, "</small></td><td class=\"r nw\">%s</td>", dur);
	result(fp, s);
	putf(fp, "<td class=\"r\">%ju</td><td class=\"sid\">", s->commands);
	if (s->has_transcript)
		putf(fp, "<button type=\"button\" class=\"x\" "
		    "aria-expanded=\"false\">%ju line%s</button><br>",
		    s->lines, s->lines == 1 ? "" : "s");
	else
		puts_(fp, "no transcript<br>");
	opt(fp, &s->sid);
	puts_(fp, "</td></tr>\n");

	fp = pg->of.part[P_SIGN];
	putf(fp, "<tr><td><input type=\"checkbox\" aria-label=\"session %zu "
	    "reviewed\"></td><td class=\"r\">%zu</td><td class=\"nw\">%s</td>",
	    n, n, utc);
	t = s->user.p != NULL ? s->user : cstr("?");
	cell(fp, NULL, &t);
	cell(fp, "nw", &s->target);
	result(fp, s);
	putf(fp, "<td class=\"r\">%ju</td><td class=\"note\"></td></tr>\n",
	    s->commands);

	if (s->has_transcript) {
		fp = pg->of.part[P_TEXT];
		putf(fp, "<script type=\"application/json\" id=\"t%zu\">", n);
		put_jsonstr(fp, &s->transcript);
		puts_(fp, "</script>\n");
	}
}

static const char *const fills[] = { "#eef1f5", "#c6dbef", "#6baed6",
    "#2171b5", "#08306b" };

/* Sessions per day (rows) and hour (columns), as an inline SVG. */
static void
chart(FILE *fp, const struct run *run, const struct totals *tot)
{
	const char *zone = run->clock.zone != NULL ? run->clock.zone : "UTC";
	unsigned max = 0, c, rowsum;
	int d, h, nd, lvl, x, y;
	char day[11];

	nd = run->ndays < CHART_MAXDAYS ? run->ndays : CHART_MAXDAYS;
	for (d = 0; d < nd * 24; d++)
		max = tot->grid[d] > max ? tot->grid[d] : max;
	putf(fp, "<section id=\"chart\"><h2>Sessions per day and hour "
	    "(%s)</h2>\n", zone);
	if (nd == 0) {
		puts_(fp, "<p class=\"meta\">No sessions.</p></section>\n");
		return;
	}
	putf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%d\" role=\"img\" aria-label=\"Sessions per day and "
	    "hour\">\n", 80 + 24 * 22 + 50, 20 + nd * 18 + 4);
	for (h = 0; h < 24; h += 3)
		putf(fp, "<text x=\"%d\" y=\"13\">%02d</text>", 80 + h * 22 + 4,
		    h);
	puts_(fp, "<text x=\"616\" y=\"13\">total</text>\n");
	for (d = 0; d < nd; d++) {
		clock_dayname(run->day0 + d, day);
		y = 20 + d * 18;
		putf(fp, "<text x=\"0\" y=\"%d\">%s</text>", y + 12, day);
		for (h = rowsum = 0; h < 24; h++) {
			c = tot->grid[d * 24 + h];
			rowsum += c;
			lvl = c == 0 ? 0 : (int)((c * 4 + max - 1) / max);
			x = 80 + h * 22;
			putf(fp, "<rect x=\"%d\" y=\"%d\" width=\"20\" "
			    "height=\"16\" rx=\"2\" fill=\"%s\"><title>%s "
			    "%02d:00-%02d:59 %s: %u session%s</title></rect>",
			    x, y, fills[lvl], day, h, h, zone, c,
			    c == 1 ? "" : "s");
			if (c > 0)
				putf(fp, "<text x=\"%d\" y=\"%d\" "
				    "text-anchor=\"middle\" fill=\"%s\">%u"
				    "</text>", x + 10, y + 12, lvl >= 3 ?
				    "#ffffff" : "#1f2328", c);
		}
		putf(fp, "<text x=\"616\" y=\"%d\">%u</text>\n", y + 12,
		    rowsum);
	}
	puts_(fp, "</svg>\n");
	if (run->ndays > CHART_MAXDAYS)
		putf(fp, "<p class=\"meta\">The chart shows the first %d of "
		    "%d days.</p>\n", CHART_MAXDAYS, run->ndays);
	puts_(fp, "</section>\n");
}

static void
summary(FILE *fp, const struct totals *tot)
{
	putf(fp, "<dl class=\"sum\"><div><dt>Sessions</dt><dd id=\"nsessions\">"
	    "%ju</dd></div><div><dt>Denied</dt><dd>%ju</dd></div><div><dt>With "
	    "a transcript</dt><dd>%ju</dd></div><div><dt>Commands</dt><dd>%ju"
	    "</dd></div><div><dt>People</dt><dd>%ju</dd></div></dl>\n",
	    tot->sessions, tot->denied, tot->transcripts, tot->commands,
	    tot->people);
}

static void
head(struct page *pg, const struct totals *tot)
{
	const struct run *run = pg->run;
	FILE *fp = pg->of.fp;
	struct str name = cstr(pg->name);
	char css[64], js[64];
	int una = strcmp(pg->name, UNASSIGNED) == 0;

	csp_hash(report_css, css);
	csp_hash(report_js, js);
	putf(fp, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset="
	    "\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'sha256-%s'; script-src "
	    "'sha256-%s'; img-src data:; base-uri 'none'; form-action "
	    "'none'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>", css, js);
	if (una)
		puts_(fp, "Sessions no manager claims");
	else {
		puts_(fp, "Session review: ");
		put_html(fp, &name);
	}
	putf(fp, ", %s%s%s</title>\n<style>%s</style></head>\n<body>\n"
	    "<header><h1>", run->from, strcmp(run->from, run->to) != 0 ?
	    " to " : "", strcmp(run->from, run->to) != 0 ? run->to : "",
	    report_css);
	if (una)
		puts_(fp, "Sessions no manager claims");
	else {
		puts_(fp, "Session review for ");
		put_html(fp, &name);
	}
	puts_(fp, "</h1>\n<p class=\"meta\">");
	if (*run->from == '\0')
		puts_(fp, "No sessions in the input.");
	else if (strcmp(run->from, run->to) == 0)
		putf(fp, "Session Manager sessions started on %s (UTC).",
		    run->from);
	else
		putf(fp, "Session Manager sessions started from %s to %s "
		    "(UTC).",
		    run->from, run->to);
	if (run->clock.zone != NULL)
		putf(fp, " Times in UTC and %s.", run->clock.zone);
	putf(fp, "</p>\n<p class=\"meta\">Generated %s UTC by ll-report %s "
	    "from %ju session%s in all.</p>\n", run->generated, LL_VERSION,
	    run->total, run->total == 1 ? "" : "s");
	if (run->rejected > 0)
		putf(fp, "<p class=\"warn\" id=\"incomplete\">%ju input "
		    "row%s or file%s could not be read and %s on no page: this "
		    "review may be incomplete. ll-report named them on its "
		    "standard error.</p>\n", run->rejected, run->rejected == 1 ?
		    "" : "s", run->rejected == 1 ? "" : "s",
		    run->rejected == 1 ? "is" : "are");
	summary(fp, tot);
	puts_(fp, "</header>\n");
	chart(fp, run, tot);
}

static void
table_head(struct page *pg)
{
	FILE *fp = pg->of.fp;

	puts_(fp, "<section id=\"list\"><h2>Sessions</h2>\n<noscript><p "
	    "class=\"warn\">Searching, transcripts and sessions past the "
	    "first " PAGE_ROWS_TEXT " need JavaScript; all are also in "
	    "review.md "
	    "beside this page.</p></noscript>\n"
	    "<div id=\"tools\" hidden><input type=\"search\" id=\"q\" "
	    "placeholder=\"Search who, where, instance, typed text\" "
	    "aria-label=\"Search\"><label><input type=\"checkbox\" id=\"qt\" "
	    "checked> search transcripts</label><button type=\"button\" "
	    "id=\"prev\">&lsaquo; Previous</button><span id=\"shown\"></span>"
	    "<button type=\"button\" id=\"next\">Next &rsaquo;</button>"
	    "<button type=\"button\" id=\"all\">Show all</button></div>\n"
	    "<table id=\"sessions\"><thead><tr><th class=\"r\">#</th><th>When "
	    "(UTC)");
	if (pg->run->clock.zone != NULL) {
		puts_(fp, "<br><small>");
		puts_(fp, pg->run->clock.zone);
		puts_(fp, "</small>");
	}
	puts_(fp, "</th><th>Who</th><th>From</th><th>Instance<br><small>"
	    "document"
	    "</small></th><th class=\"r\">Duration</th><th>Result</th><th "
	    "class=\"r\">Commands</th><th>Transcript<br><small>session"
	    "</small></th></tr></thead>\n"
	    "<tbody>\n");
}

void
html_end(struct page *pg, const struct totals *tot)
{
	FILE *fp = pg->of.fp;

	head(pg, tot);
	table_head(pg);
	out_part(&pg->of, P_ROWS);
	puts_(fp, "</tbody></table></section>\n");
	putf(fp, "<section id=\"signoff\"><h2>Sign-off</h2>\n<p>I have "
	    "reviewed the %ju session%s listed here, and noted below any I "
	    "could not account for.</p>\n<p id=\"signtools\" hidden><button "
	    "type=\"button\" id=\"print\">Print the sign-off sheet</button>"
	    "</p>\n<details id=\"sheet\"><summary>The checklist</summary>\n"
	    "<table><thead><tr><th>Reviewed</th>"
	    "<th class=\"r\">#</th><th>When (UTC)</th><th>Who</th><th>Instance"
	    "</th><th>Result</th><th class=\"r\">Commands</th><th>Note</th>"
	    "</tr></thead>\n<tbody>\n", tot->sessions, tot->sessions == 1 ? "" :
	    "s");
	out_part(&pg->of, P_SIGN);
	puts_(fp, "</tbody></table></details>\n<div class=\"sign\"><span>"
	    "Reviewer</span><span>Date</span><span>Signature</span></div>"
	    "</section>\n"
	    "<div id=\"transcripts\" hidden>\n");
	out_part(&pg->of, P_TEXT);
	putf(fp, "</div>\n<script>%s</script>\n</body></html>\n", report_js);
	out_commit(&pg->of);
	free(pg->name);
	free(pg);
}
