/*
 * The progress line is a status line of lib/ll.c: redrawn in place,
 * taken away before any message so that errors keep lines of their
 * own, and left on the screen, ended, by the final draw.  The total
 * is the number of listing records when every input is a file that
 * could be counted first; from a pipe it is only what has been read,
 * and no ETA is guessed.
 */
#include <stdio.h>

#include <jansson.h>

#include "aws/engine.h"
#include "ll.h"
#include "progress.h"

/* ON: draw at all; LIST: the --list form of the line. */
void
ll_progress_init(struct ll_progress *p, int on, int list)
{
	p->on = on;
	p->list = list;
	p->t0 = p->last = ll_engine_now();
}

static void
show_fetch(const struct ll_progress *p, double el)
{
	double rate, mb;
	uintmax_t total;
	char eta[32] = "";

	total = p->expected > p->seen ? p->expected : p->seen;
	rate = (double)p->done / el;
	mb = (double)p->bytes_done / 1e6;
	if (p->expected > 0 && rate > 0 && total > p->done)
		snprintf(eta, sizeof(eta), ", ETA %.0f s",
		    (double)(total - p->done) / rate);
	ll_status("%s: %ju/%ju%s objects, %.1f/%.1f MB, %.0f obj/s, "
	    "%.1f MB/s%s", ll_progname, p->done, total,
	    p->expected > 0 ? "" : "+", mb, (double)p->bytes_total / 1e6,
	    rate, mb / el, eta);
}

/* FINAL draws regardless of the last time and ends the line. */
void
ll_progress_show(struct ll_progress *p, int final)
{
	double now, el;

	if (!p->on)
		return;
	now = ll_engine_now();
	if (!final && now - p->last < 0.5)
		return;
	p->last = now;
	el = now - p->t0 > 0.001 ? now - p->t0 : 0.001;
	if (p->list)
		ll_status("%s: %ju objects listed, %.0f/s", ll_progname,
		    ll_stats.records_out, (double)ll_stats.records_out / el);
	else
		show_fetch(p, el);
	if (final)
		ll_status_end();
}

static uintmax_t
counter(const char *name)
{
	json_t *v = json_object_get(ll_stats.extra, name);

	return json_is_integer(v) ? (uintmax_t)json_integer_value(v) : 0;
}

/* The run in one line, after the last progress line. */
void
ll_progress_summary(const struct ll_progress *p, const char *failpath)
{
	uintmax_t failed = counter("failed") + counter("conflict");

	if (!p->on || p->list)
		return;
	ll_msg("%ju objects: %ju stored, %ju already present, %ju written, "
	    "%ju refused, %ju failed%s%s%s", p->done, counter("stored"),
	    counter("present"), counter("written"), ll_stats.rejected, failed,
	    failed > 0 && failpath != NULL ? " (to retry: " : "",
	    failed > 0 && failpath != NULL ? failpath : "",
	    failed > 0 && failpath != NULL ? ")" : "");
}
