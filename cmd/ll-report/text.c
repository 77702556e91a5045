/*
 * One manager's review as Markdown, which reads as plain text in a
 * mail, and as CSV for a spreadsheet (one row a session, no
 * transcripts: a spreadsheet cell holds 32,767 characters at most).
 * Transcripts go in code fences longer than any run of backticks in
 * them, so that no transcript can end its fence early.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "report.h"
#include "xalloc.h"

enum { P_SESSIONS, P_SIGN };

struct text {
	struct outfile	 md, csv;
	const struct run *run;
	char		*name;
};

struct text *
ll_text_begin(const char *dir, const struct run *run, const char *name)
{
	struct text *tx;

	tx = xcalloc(1, sizeof(*tx));
	tx->run = run;
	tx->name = xstrdup(name);
	ll_put_open(&tx->md, dir, "review.md", 2);
	ll_put_open(&tx->csv, dir, "review.csv", 0);
	ll_put_s(tx->csv.fp, "manager,number,time_utc,time_local,user,"
	    "principal_arn,account,source_ip,instance,document,"
	    "duration_seconds,result,errorcode,commands,transcript_lines,"
	    "log_events,sessionid,eventid\r\n");
	return tx;
}

static size_t
longest_backticks(const struct str *s)
{
	size_t i, run = 0, max = 0;

	for (i = 0; i < s->n; i++) {
		run = s->p[i] == '`' ? run + 1 : 0;
		max = run > max ? run : max;
	}
	return max;
}

static void
fenced(FILE *fp, const struct str *s)
{
	size_t i, n = longest_backticks(s) + 1;

	n = n < 3 ? 3 : n;
	for (i = 0; i < n; i++)
		ll_put_s(fp, "`");
	ll_put_s(fp, "text\n");
	ll_put_text(fp, s, 1);
	if (s->n > 0 && s->p[s->n - 1] != '\n')
		ll_put_s(fp, "\n");
	for (i = 0; i < n; i++)
		ll_put_s(fp, "`");
	ll_put_s(fp, "\n\n");
}

static void
item(FILE *fp, const char *label, const struct str *s)
{
	ll_put_f(fp, "- %s: ", label);
	if (s->p != NULL)
		ll_put_md(fp, s);
	else
		ll_put_s(fp, "-");
	ll_put_s(fp, "\n");
}

static void
markdown(struct text *tx, size_t n, const struct session *s,
    const char *utc, const char *local, const char *dur)
{
	FILE *fp = tx->md.part[P_SESSIONS];
	struct str who = s->user.p != NULL ? s->user : cstr("?");

	ll_put_f(fp, "### %zu. ", n);
	ll_put_md(fp, &who);
	ll_put_f(fp, ", %s UTC\n\n", utc);
	item(fp, "Who", &s->arn);
	ll_put_f(fp, "- When: %s UTC%s%s\n", utc, *local != '\0' ? "; " : "",
	    local);
	item(fp, "From", &s->ip);
	item(fp, "Instance", &s->target);
	item(fp, "Document", &s->document);
	ll_put_f(fp, "- Duration: %s\n- Result: ", dur);
	if (s->errcode.p != NULL) {
		ll_put_s(fp, "**denied: ");
		ll_put_md(fp, &s->errcode);
		ll_put_s(fp, "**\n");
	} else
		ll_put_s(fp, "ok\n");
	ll_put_f(fp, "- Commands: %ju (%ju transcript line%s, %ju log "
	    "event%s)\n",
	    s->commands, s->lines, s->lines == 1 ? "" : "s", s->events,
	    s->events == 1 ? "" : "s");
	item(fp, "Session", &s->sid);
	ll_put_s(fp, "\n");
	if (s->has_transcript)
		fenced(fp, &s->transcript);
	else
		ll_put_s(fp, "No transcript.\n\n");

	fp = tx->md.part[P_SIGN];
	ll_put_f(fp, "- [ ] %zu. %s UTC, ", n, utc);
	ll_put_md(fp, &who);
	ll_put_s(fp, " on ");
	if (s->target.p != NULL)
		ll_put_md(fp, &s->target);
	else
		ll_put_s(fp, "-");
	ll_put_f(fp, ", %s, %ju command%s\n", s->errcode.p != NULL ? "denied" :
	    "ok", s->commands, s->commands == 1 ? "" : "s");
}

static void
csv(struct text *tx, size_t n, const struct session *s, const char *utc,
    const char *local)
{
	FILE *fp = tx->csv.fp;
	struct str t = cstr(tx->name);

	ll_put_csv(fp, &t);
	ll_put_f(fp, ",%zu,%s,%s,", n, utc, local);
	ll_put_csv(fp, &s->user);
	ll_put_s(fp, ",");
	ll_put_csv(fp, &s->arn);
	ll_put_s(fp, ",");
	ll_put_csv(fp, &s->account);
	ll_put_s(fp, ",");
	ll_put_csv(fp, &s->ip);
	ll_put_s(fp, ",");
	ll_put_csv(fp, &s->target);
	ll_put_s(fp, ",");
	ll_put_csv(fp, &s->document);
	if (s->duration >= 0)
		ll_put_f(fp, ",%lld", (long long)(s->duration / 1000));
	else
		ll_put_s(fp, ",");
	ll_put_f(fp, ",%s,", s->errcode.p != NULL ? "denied" : "ok");
	ll_put_csv(fp, &s->errcode);
	ll_put_f(fp, ",%ju,%ju,%ju,", s->commands, s->lines, s->events);
	ll_put_csv(fp, &s->sid);
	ll_put_s(fp, ",");
	ll_put_csv(fp, &s->eventid);
	ll_put_s(fp, "\r\n");
}

void
ll_text_session(struct text *tx, size_t n, const struct session *s)
{
	char utc[32], local[64], dur[32];

	ll_clock_utc(s->start, utc);
	ll_clock_duration(s->duration, dur);
	local[0] = '\0';
	if (tx->run->clock.zone != NULL)
		ll_clock_local(&tx->run->clock, s->start, local);
	markdown(tx, n, s, utc, local, dur);
	csv(tx, n, s, utc, local);
}

static void
head(struct text *tx, const struct totals *tot)
{
	const struct run *run = tx->run;
	FILE *fp = tx->md.fp;
	struct str name = cstr(tx->name);

	if (strcmp(tx->name, UNASSIGNED) == 0)
		ll_put_s(fp, "# Sessions no manager claims\n\n");
	else {
		ll_put_s(fp, "# Session review for ");
		ll_put_md(fp, &name);
		ll_put_s(fp, "\n\n");
	}
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
	ll_put_f(fp, "\nGenerated %s UTC by ll-report %s from %ju session%s in "
	    "all.\n\n", run->generated, LL_VERSION, run->total,
	    run->total == 1 ? "" : "s");
	if (run->rejected > 0)
		ll_put_f(fp, "**Warning:** %ju input row%s or file%s could "
		    "not be read and %s on no page: this review may be "
		    "incomplete.\n\n",
		    run->rejected, run->rejected == 1 ? "" : "s",
		    run->rejected == 1 ? "" : "s",
		    run->rejected == 1 ? "is" : "are");
	ll_put_f(fp, "| Sessions | Denied | With a transcript | Commands | "
	    "People |\n| ---: | ---: | ---: | ---: | ---: |\n| %ju | %ju | "
	    "%ju | %ju | %ju |\n\n## Sessions\n\n", tot->sessions, tot->denied,
	    tot->transcripts, tot->commands, tot->people);
	if (tot->sessions == 0)
		ll_put_s(fp, "None.\n\n");
}

void
ll_text_end(struct text *tx, const struct totals *tot)
{
	FILE *fp = tx->md.fp;

	head(tx, tot);
	ll_put_part(&tx->md, P_SESSIONS);
	ll_put_f(fp, "## Sign-off\n\nI have reviewed the %ju session%s listed "
	    "here, and noted below any I could not account for.\n\n",
	    tot->sessions, tot->sessions == 1 ? "" : "s");
	ll_put_part(&tx->md, P_SIGN);
	ll_put_s(fp, "\nReviewer: ____________________  Date: ____________  "
	    "Signature: ____________________\n");
	ll_put_commit(&tx->md);
	ll_put_commit(&tx->csv);
	free(tx->name);
	free(tx);
}
