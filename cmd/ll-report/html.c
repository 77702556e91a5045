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
ll_html_begin(const char *dir, const struct run *run, const char *name)
{
	struct page *pg;

	pg = xcalloc(1, sizeof(*pg));
	pg->run = run;
	pg->name = xstrdup(name);
	ll_put_open(&pg->of, dir, "review.html", 3);
	return pg;
}

/* A field, or a grey "-" when the row has none. */
static void
opt(FILE *fp, const struct str *s)
{
	if (s->p != NULL)
		ll_put_html(fp, s);
	else
		ll_put_s(fp, "<span class=\"none\">-</span>");
}

static void
cell(FILE *fp, const char *cls, const struct str *s)
{
	if (cls != NULL)
		ll_put_f(fp, "<td class=\"%s\">", cls);
	else
		ll_put_s(fp, "<td>");
	opt(fp, s);
	ll_put_s(fp, "</td>");
}

static void
result(FILE *fp, const struct session *s)
{
	if (s->errcode.p == NULL) {
		ll_put_s(fp, "<td>ok</td>");
		return;
	}
	ll_put_s(fp, "<td class=\"deny\">denied: ");
	ll_put_html(fp, &s->errcode);
	ll_put_s(fp, "</td>");
}

void
ll_html_session(struct page *pg, size_t n, const struct session *s)
{
	FILE *fp = pg->of.part[P_ROWS];
	char utc[32], local[64], dur[32];
	struct str t;

	ll_clock_utc(s->start, utc);
	ll_clock_duration(s->duration, dur);
	/* Rows past the first page wait for the script: no layout. */
	ll_put_f(fp, "<tr class=\"s\" id=\"s%zu\" data-n=\"%zu\"%s><td "
	    "class=\"r\">%zu</td><td class=\"nw\">%s", n, n, n > PAGE_ROWS ?
	    " hidden" : "", n, utc);
	if (pg->run->clock.zone != NULL) {
		ll_clock_local(&pg->run->clock, s->start, local);
		t = cstr(local);
		ll_put_s(fp, "<br><small>");
		ll_put_html(fp, &t);
		ll_put_s(fp, "</small>");
	}
	ll_put_s(fp, "</td>");
	ll_put_s(fp, "<td class=\"w\"><b>");
	t = s->user.p != NULL ? s->user : cstr("?");
	ll_put_html(fp, &t);
	ll_put_s(fp, "</b><br><small>");
	ll_put_html(fp, &s->arn);
	ll_put_s(fp, "</small></td>");
	cell(fp, NULL, &s->ip);
	ll_put_s(fp, "<td class=\"nw\">");
	opt(fp, &s->target);
	ll_put_s(fp, "<br><small>");
	opt(fp, &s->document);
	ll_put_f(fp, "</small></td><td class=\"r nw\">%s</td>", dur);
	result(fp, s);
	ll_put_f(fp, "<td class=\"r\">%ju</td><td class=\"sid\">", s->commands);
	if (s->has_transcript)
		ll_put_f(fp, "<button type=\"button\" class=\"x\" "
		    "aria-expanded=\"false\">%ju line%s</button><br>",
		    s->lines, s->lines == 1 ? "" : "s");
	else
		ll_put_s(fp, "no transcript<br>");
	opt(fp, &s->sid);
	ll_put_s(fp, "</td></tr>\n");

	fp = pg->of.part[P_SIGN];
	ll_put_f(fp, "<tr><td><input type=\"checkbox\" aria-label=\"session "
	    "%zu reviewed\"></td><td class=\"r\">%zu</td><td class=\"nw\">"
	    "%s</td>",
	    n, n, utc);
	t = s->user.p != NULL ? s->user : cstr("?");
	cell(fp, NULL, &t);
	cell(fp, "nw", &s->target);
	result(fp, s);
	ll_put_f(fp, "<td class=\"r\">%ju</td><td class=\"note\"></td></tr>\n",
	    s->commands);

	if (s->has_transcript) {
		fp = pg->of.part[P_TEXT];
		ll_put_f(fp, "<script type=\"application/json\" "
		    "id=\"t%zu\">", n);
		ll_put_json(fp, &s->transcript);
		ll_put_s(fp, "</script>\n");
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
	ll_put_f(fp, "<section id=\"chart\"><h2>Sessions per day and hour "
	    "(%s)</h2>\n", zone);
	if (nd == 0) {
		ll_put_s(fp, "<p class=\"meta\">No sessions.</p></section>\n");
		return;
	}
	ll_put_f(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%d\" role=\"img\" aria-label=\"Sessions per day and "
	    "hour\">\n", 80 + 24 * 22 + 50, 20 + nd * 18 + 4);
	for (h = 0; h < 24; h += 3)
		ll_put_f(fp, "<text x=\"%d\" y=\"13\">%02d</text>",
		    80 + h * 22 + 4, h);
	ll_put_s(fp, "<text x=\"616\" y=\"13\">total</text>\n");
	for (d = 0; d < nd; d++) {
		ll_clock_dayname(run->day0 + d, day);
		y = 20 + d * 18;
		ll_put_f(fp, "<text x=\"0\" y=\"%d\">%s</text>", y + 12, day);
		for (h = rowsum = 0; h < 24; h++) {
			c = tot->grid[d * 24 + h];
			rowsum += c;
			lvl = c == 0 ? 0 : (int)((c * 4 + max - 1) / max);
			x = 80 + h * 22;
			ll_put_f(fp, "<rect x=\"%d\" y=\"%d\" width=\"20\" "
			    "height=\"16\" rx=\"2\" fill=\"%s\"><title>%s "
			    "%02d:00-%02d:59 %s: %u session%s</title></rect>",
			    x, y, fills[lvl], day, h, h, zone, c,
			    c == 1 ? "" : "s");
			if (c > 0)
				ll_put_f(fp, "<text x=\"%d\" y=\"%d\" "
				    "text-anchor=\"middle\" fill=\"%s\">%u"
				    "</text>", x + 10, y + 12, lvl >= 3 ?
				    "#ffffff" : "#1f2328", c);
		}
		ll_put_f(fp, "<text x=\"616\" y=\"%d\">%u</text>\n", y + 12,
		    rowsum);
	}
	ll_put_s(fp, "</svg>\n");
	if (run->ndays > CHART_MAXDAYS)
		ll_put_f(fp, "<p class=\"meta\">The chart shows the first "
		    "%d of %d days.</p>\n", CHART_MAXDAYS, run->ndays);
	ll_put_s(fp, "</section>\n");
}

static void
summary(FILE *fp, const struct totals *tot)
{
	ll_put_f(fp, "<dl class=\"sum\"><div><dt>Sessions</dt><dd "
	    "id=\"nsessions\">%ju</dd></div><div><dt>Denied</dt><dd>%ju"
	    "</dd></div><div><dt>With "
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

	csp_hash(ll_assets_css, css);
	csp_hash(ll_assets_js, js);
	ll_put_f(fp, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset="
	    "\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'sha256-%s'; script-src "
	    "'sha256-%s'; img-src data:; base-uri 'none'; form-action "
	    "'none'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>", css, js);
	if (una)
		ll_put_s(fp, "Sessions no manager claims");
	else {
		ll_put_s(fp, "Session review: ");
		ll_put_html(fp, &name);
	}
	ll_put_f(fp, ", %s%s%s</title>\n<style>%s</style></head>\n<body>\n"
	    "<header><h1>", run->from, strcmp(run->from, run->to) != 0 ?
	    " to " : "", strcmp(run->from, run->to) != 0 ? run->to : "",
	    ll_assets_css);
	if (una)
		ll_put_s(fp, "Sessions no manager claims");
	else {
		ll_put_s(fp, "Session review for ");
		ll_put_html(fp, &name);
	}
	ll_put_s(fp, "</h1>\n<p class=\"meta\">");
	if (*run->from == '\0')
		ll_put_s(fp, "No sessions in the input.");
	else if (strcmp(run->from, run->to) == 0)
		ll_put_f(fp, "Session Manager sessions started on %s (UTC).",
		    run->from);
	else
		ll_put_f(fp, "Session Manager sessions started from %s to %s "
		    "(UTC).",
		    run->from, run->to);
	if (run->clock.zone != NULL)
		ll_put_f(fp, " Times in UTC and %s.", run->clock.zone);
	ll_put_f(fp, "</p>\n<p class=\"meta\">Generated %s UTC by ll-report %s "
	    "from %ju session%s in all.</p>\n", run->generated, LL_VERSION,
	    run->total, run->total == 1 ? "" : "s");
	if (run->rejected > 0)
		ll_put_f(fp, "<p class=\"warn\" id=\"incomplete\">%ju input "
		    "row%s or file%s could not be read and %s on no page: this "
		    "review may be incomplete. ll-report named them on its "
		    "standard error.</p>\n", run->rejected, run->rejected == 1 ?
		    "" : "s", run->rejected == 1 ? "" : "s",
		    run->rejected == 1 ? "is" : "are");
	summary(fp, tot);
	ll_put_s(fp, "</header>\n");
	chart(fp, run, tot);
}

static void
table_head(struct page *pg)
{
	FILE *fp = pg->of.fp;

	ll_put_s(fp, "<section id=\"list\"><h2>Sessions</h2>\n<noscript><p "
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
		ll_put_s(fp, "<br><small>");
		ll_put_s(fp, pg->run->clock.zone);
		ll_put_s(fp, "</small>");
	}
	ll_put_s(fp, "</th><th>Who</th><th>From</th><th>Instance<br><small>"
	    "document"
	    "</small></th><th class=\"r\">Duration</th><th>Result</th><th "
	    "class=\"r\">Commands</th><th>Transcript<br><small>session"
	    "</small></th></tr></thead>\n"
	    "<tbody>\n");
}

void
ll_html_end(struct page *pg, const struct totals *tot)
{
	FILE *fp = pg->of.fp;

	head(pg, tot);
	table_head(pg);
	ll_put_part(&pg->of, P_ROWS);
	ll_put_s(fp, "</tbody></table></section>\n");
	ll_put_f(fp, "<section id=\"signoff\"><h2>Sign-off</h2>\n<p>I have "
	    "reviewed the %ju session%s listed here, and noted below any I "
	    "could not account for.</p>\n<p id=\"signtools\" hidden><button "
	    "type=\"button\" id=\"print\">Print the sign-off sheet</button>"
	    "</p>\n<details id=\"sheet\"><summary>The checklist</summary>\n"
	    "<table><thead><tr><th>Reviewed</th>"
	    "<th class=\"r\">#</th><th>When (UTC)</th><th>Who</th><th>Instance"
	    "</th><th>Result</th><th class=\"r\">Commands</th><th>Note</th>"
	    "</tr></thead>\n<tbody>\n", tot->sessions, tot->sessions == 1 ? "" :
	    "s");
	ll_put_part(&pg->of, P_SIGN);
	ll_put_s(fp, "</tbody></table></details>\n<div class=\"sign\"><span>"
	    "Reviewer</span><span>Date</span><span>Signature</span></div>"
	    "</section>\n"
	    "<div id=\"transcripts\" hidden>\n");
	ll_put_part(&pg->of, P_TEXT);
	ll_put_f(fp, "</div>\n<script>%s</script>\n</body></html>\n",
	    ll_assets_js);
	ll_put_commit(&pg->of);
	free(pg->name);
	free(pg);
}
