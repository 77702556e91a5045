/*
 * The line starts with "\r" and ends with spaces so that each redraw
 * overwrites the last one, however its length changed; the final one
 * ends with a newline so that what follows starts on a fresh line.
 */
#include <stdio.h>

#include "ll.h"
#include "progress.h"
#include "aws/engine.h"

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

	total = p->seen;
	rate = (double)p->done / el;
	mb = (double)p->bytes_done / 1e6;
	fprintf(stderr, "\r%s: %ju/%ju objects, %.1f/%.1f MB, "
	    "%.0f obj/s, %.1f MB/s", ll_progname, p->done, total, mb,
	    (double)p->bytes_total / 1e6, rate, mb / el);
	if (rate > 0 && total > p->done)
		fprintf(stderr, ", ETA %.0f s",
		    (double)(total - p->done) / rate);
	fputs("   ", stderr);
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
		fprintf(stderr, "\r%s: %ju objects listed, %.0f/s   ",
		    ll_progname, ll_stats.records_out,
		    (double)ll_stats.records_out / el);
	else
		show_fetch(p, el);
	if (final)
		fputc('\n', stderr);
}
