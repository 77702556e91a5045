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
text_begin(const char *dir, const struct run *run, const char *name)
{
	struct text *tx;

	tx = xcalloc(1, sizeof(*tx));
	tx->run = run;
	tx->name = xstrdup(name);
	out_open(&tx->md, dir, "review.md", 2);
	out_open(&tx->csv, dir, "review.csv", 0);
	puts_(tx->csv.fp, "manager,number,time_utc,time_local,user,"
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
		puts_(fp, "`");
	puts_(fp, "text\n");
	put_visible(fp, s, 1);
	if (s->n > 0 && s->p[s->n - 1] != '\n')
		puts_(fp, "\n");
	for (i = 0; i < n; i++)
		puts_(fp, "`");
	puts_(fp, "\n\n");
}

static void
item(FILE *fp, const char *label, const struct str *s)
{
	putf(fp, "- %s: ", label);
	if (s->p != NULL)
		put_md(fp, s);
	else
		puts_(fp, "-");
	puts_(fp, "\n");
}

static void
markdown(struct text *tx, size_t n, const struct session *s,
    const char *utc, const char *local, const char *dur)
{
	FILE *fp = tx->md.part[P_SESSIONS];
	struct str who = s->user.p != NULL ? s->user : cstr("?");

	putf(fp, "### %zu. ", n);
	put_md(fp, &who);
	putf(fp, ", %s UTC\n\n", utc);
	item(fp, "Who", &s->arn);
	putf(fp, "- When: %s UTC%s%s\n", utc, *local != '\0' ? "; " : "",
	    local);
	item(fp, "From", &s->ip);
	item(fp, "Instance", &s->target);
	item(fp, "Document", &s->document);
	putf(fp, "- Duration: %s\n- Result: ", dur);
	if (s->errcode.p != NULL) {
		puts_(fp, "**denied: ");
		put_md(fp, &s->errcode);
		puts_(fp, "**\n");
	} else
		puts_(fp, "ok\n");
	putf(fp, "- Commands: %ju (%ju transcript line%s, %ju log event%s)\n",
	    s->commands, s->lines, s->lines == 1 ? "" : "s", s->events,
	    s->events == 1 ? "" : "s");
	item(fp, "Session", &s->sid);
	puts_(fp, "\n");
	if (s->has_transcript)
		fenced(fp, &s->transcript);
	else
		puts_(fp, "No transcript.\n\n");

	fp = tx->md.part[P_SIGN];
	putf(fp, "- [ ] %zu. %s UTC, ", n, utc);
	put_md(fp, &who);
	puts_(fp, " on ");
	if (s->target.p != NULL)
		put_md(fp, &s->target);
	else
		puts_(fp, "-");
	putf(fp, ", %s, %ju command%s\n", s->errcode.p != NULL ? "denied" :
	    "ok", s->commands, s->commands == 1 ? "" : "s");
}

static void
csv(struct text *tx, size_t n, const struct session *s, const char *utc,
    const char *local)
{
	FILE *fp = tx->csv.fp;
	struct str t = cstr(tx->name);

	put_csv(fp, &t);
	putf(fp, ",%zu,%s,%s,", n, utc, local);
	put_csv(fp, &s->user);
	puts_(fp, ",");
	put_csv(fp, &s->arn);
	puts_(fp, ",");
	put_csv(fp, &s->account);
	puts_(fp, ",");
	put_csv(fp, &s->ip);
	puts_(fp, ",");
	put_csv(fp, &s->target);
	puts_(fp, ",");
	put_csv(fp, &s->document);
	if (s->duration >= 0)
		putf(fp, ",%lld", (long long)(s->duration / 1000));
	else
		puts_(fp, ",");
	putf(fp, ",%s,", s->errcode.p != NULL ? "denied" : "ok");
	put_csv(fp, &s->errcode);
	putf(fp, ",%ju,%ju,%ju,", s->commands, s->lines, s->events);
	put_csv(fp, &s->sid);
	puts_(fp, ",");
	put_csv(fp, &s->eventid);
	puts_(fp, "\r\n");
}

void
text_session(struct text *tx, size_t n, const struct session *s)
{
	char utc[32], local[64], dur[32];

	clock_utc(s->start, utc);
	clock_duration(s->duration, dur);
	local[0] = '\0';
	if (tx->run->clock.zone != NULL)
		clock_local(&tx->run->clock, s->start, local);
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
		puts_(fp, "# Sessions no manager claims\n\n");
	else {
		puts_(fp, "# Session review for ");
		put_md(fp, &name);
		puts_(fp, "\n\n");
	}
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
	putf(fp, "\nGenerated %s UTC by ll-report %s from %ju session%s in "
	    "all.\n\n", run->generated, LL_VERSION, run->total,
	    run->total == 1 ? "" : "s");
	if (run->rejected > 0)
		putf(fp, "**Warning:** %ju input row%s or file%s could not be "
		    "read and %s on no page: this review may be "
		    "incomplete.\n\n",
		    run->rejected, run->rejected == 1 ? "" : "s",
		    run->rejected == 1 ? "" : "s",
		    run->rejected == 1 ? "is" : "are");
	putf(fp, "| Sessions | Denied | With a transcript | Commands | People "
	    "|\n| ---: | ---: | ---: | ---: | ---: |\n| %ju | %ju | %ju | "
	    "%ju | "
	    "%ju |\n\n## Sessions\n\n", tot->sessions, tot->denied,
	    tot->transcripts, tot->commands, tot->people);
	if (tot->sessions == 0)
		puts_(fp, "None.\n\n");
}

void
text_end(struct text *tx, const struct totals *tot)
{
	FILE *fp = tx->md.fp;

	head(tx, tot);
	out_part(&tx->md, P_SESSIONS);
	putf(fp, "## Sign-off\n\nI have reviewed the %ju session%s listed "
	    "here, and noted below any I could not account for.\n\n",
	    tot->sessions, tot->sessions == 1 ? "" : "s");
	out_part(&tx->md, P_SIGN);
	puts_(fp, "\nReviewer: ____________________  Date: ____________  "
	    "Signature: ____________________\n");
	out_commit(&tx->md);
	out_commit(&tx->csv);
	free(tx->name);
	free(tx);
}
