/*
 * Process-wide state shared by every tool: its name, the counters
 * written by --stats, the --reject side file and the exit status.
 * Tools are single-threaded filters, so plain globals keep each
 * main() short without hiding anything; a tool that works on several
 * inputs at once gives each worker thread a sink (io/sink.h), through
 * which its messages, rejects and counts reach the main thread.
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "io/afile.h"
#include "io/out.h"
#include "io/sink.h"
#include "json/jscan.h"
#include "ll.h"
#include "xalloc.h"

_Thread_local struct ll_stats ll_stats;
const char *ll_progname = "ll";

static FILE *rejectfp;
static const char *rejectpath;
static int rejectlast = '\n';
static const char *statspath;
static int failcode;

static void	warn_limit(void);

void
ll_init(const char *argv0)
{
	const char *p;

	if (argv0 != NULL) {
		p = strrchr(argv0, '/');
		ll_progname = p != NULL ? p + 1 : argv0;
	}
	json_set_alloc_funcs(xmalloc, free);
	warn_limit();
	ll_stats.reasons = json_object();
	ll_stats.extra = json_object();
	ll_out_unbuffered(isatty(STDOUT_FILENO));
	ll_out_pipe_grow(STDIN_FILENO);
	ll_out_pipe_grow(STDOUT_FILENO);
}

void
ll_version(void)
{
	printf("%s (Log Lake) %s\n", ll_progname, LL_VERSION);
	ll_out_flush();
	if (fclose(stdout) == EOF)
		err(LL_EXIT_IO, "<stdout>");
	exit(LL_EXIT_OK);
}

/*
 * A kind of warning is its format string: the same call site says the
 * same thing about another record.  After LL_MAX_WARNINGS of one kind
 * (10 unless set; 0 means no cap) the rest are only counted, so that a
 * file of a million bad lines does not bury the terminal; ll_finish()
 * then says how many were not shown.  --reject and --stats have all.
 */
#define NKINDS 32

static struct {
	const char	*fmt;
	uintmax_t	 n;
	char		 first[120];
} kinds[NKINDS];
static size_t nkinds;
static uintmax_t warnmax = 10;
static char *hints[8];
static size_t nhints;

static void
warn_limit(void)
{
	const char *v = getenv("LL_MAX_WARNINGS");
	char *end;
	unsigned long long n;

	if (v == NULL || *v == '\0')
		return;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (*end == '\0' && errno == 0)
		warnmax = n;
}

/* The slot of FMT's kind; the last slot takes every kind past it. */
static size_t
kind(const char *fmt)
{
	size_t i;

	for (i = 0; i < nkinds; i++)
		if (kinds[i].fmt == fmt)
			return i;
	if (nkinds < NKINDS)
		kinds[nkinds].fmt = fmt;
	else
		i = NKINDS - 1;
	if (nkinds < NKINDS)
		nkinds++;
	return i;
}

/*
 * A status line (progress) is redrawn in place on standard error; a
 * message first takes it away, so that every message has a line of
 * its own and the next redraw starts clean.
 */
static int statusshown;

static void
status_clear(void)
{
	if (!statusshown)
		return;
	fputs(isatty(STDERR_FILENO) ? "\r\033[K" : "\n", stderr);
	statusshown = 0;
}

void
ll_status(const char *fmt, ...)
{
	va_list ap;
	int tty = isatty(STDERR_FILENO);

	fputc('\r', stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(tty ? "\033[K" : "   ", stderr);
	fflush(stderr);
	statusshown = 1;
}

/* Leaves the last status line on the screen and ends it. */
void
ll_status_end(void)
{
	if (statusshown)
		fputc('\n', stderr);
	statusshown = 0;
}

/* warnx(3), but it ends a status line first. */
void
ll_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (ll_sink_cur != NULL) {
		ll_sink_msg(fmt, ap);
		va_end(ap);
		return;
	}
	status_clear();
	fprintf(stderr, "%s: ", ll_progname);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void __attribute__((format(printf, 3, 0)))
vwarn_at(const char *file, uintmax_t line, const char *fmt, va_list ap)
{
	fflush(stdout);
	status_clear();
	fprintf(stderr, "%s: %s:%ju: ", ll_progname, file, line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* Prints "prog: FILE:LINE: message" without touching the counters. */
void
ll_warnx_at(const char *file, uintmax_t line, const char *fmt, ...)
{
	va_list ap;
	size_t k;

	if (ll_sink_cur != NULL) {
		va_start(ap, fmt);
		ll_sink_warn(file, line, fmt, ap);
		va_end(ap);
		return;
	}
	k = kind(fmt);
	if (kinds[k].n++ == 0) {
		va_start(ap, fmt);
		vsnprintf(kinds[k].first, sizeof(kinds[k].first), fmt, ap);
		va_end(ap);
	}
	if (warnmax != 0 && kinds[k].n > warnmax)
		return;
	va_start(ap, fmt);
	vwarn_at(file, line, fmt, ap);
	va_end(ap);
}

/* The same for a message TEXT already formatted from FMT (io/sink.h). */
void
ll_warnx_done(const char *fmt, const char *file, uintmax_t line,
    const char *text)
{
	size_t k;

	k = kind(fmt);
	if (kinds[k].n++ == 0)
		snprintf(kinds[k].first, sizeof(kinds[k].first), "%s", text);
	if (warnmax != 0 && kinds[k].n > warnmax)
		return;
	fflush(stdout);
	status_clear();
	fprintf(stderr, "%s: %s:%ju: %s\n", ll_progname, file, line, text);
}

/*
 * The same, never capped: for what is wrong in configuration (a rule,
 * a mapping line), where every message names a different thing to fix.
 */
void
ll_warnx_conf(const char *file, uintmax_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(file, line, fmt, ap);
	va_end(ap);
}

/* A likely cause, said once at the end of the run. */
void
ll_hint(const char *text)
{
	size_t i;

	for (i = 0; i < nhints; i++)
		if (strcmp(hints[i], text) == 0)
			return;
	if (nhints < sizeof(hints) / sizeof(hints[0]))
		hints[nhints++] = xstrdup(text);
}

static void
warn_summary(void)
{
	size_t i;

	status_clear();
	for (i = 0; i < nkinds; i++)
		if (warnmax != 0 && kinds[i].n > warnmax)
			fprintf(stderr, "%s: %ju more like \"%s\" not shown "
			    "(LL_MAX_WARNINGS=0 shows all)\n", ll_progname,
			    kinds[i].n - warnmax, kinds[i].first);
	for (i = 0; i < nhints; i++) {
		fprintf(stderr, "%s: hint: %s\n", ll_progname, hints[i]);
		free(hints[i]);
	}
	nhints = 0;
}

void
ll_reject_open(const char *path)
{
	rejectpath = path;
	if (strcmp(path, "-") == 0) {
		rejectfp = stderr;
		return;
	}
	if ((rejectfp = fopen(path, "w")) == NULL)
		err(LL_EXIT_IO, "%s", path);
}

/* Copies part of a rejected record to the --reject file, if any. */
void
ll_reject_bytes(const void *raw, size_t len)
{
	if (ll_sink_cur != NULL && len > 0) {
		ll_sink_reject_bytes(raw, len);
		return;
	}
	if (rejectfp == NULL || len == 0)
		return;
	if (fwrite(raw, 1, len, rejectfp) != len)
		err(LL_EXIT_IO, "%s", rejectpath);
	rejectlast = ((const char *)raw)[len - 1];
}

/* Ends a rejected record: one record per line in the --reject file. */
void
ll_reject_end(enum ll_reason reason)
{
	if (ll_sink_cur != NULL) {
		ll_sink_reject_end(reason);
		return;
	}
	ll_stats.rejected++;
	ll_count(reason);
	if (rejectfp != NULL && rejectlast != '\n') {
		if (fputc('\n', rejectfp) == EOF)
			err(LL_EXIT_IO, "%s", rejectpath);
		rejectlast = '\n';
	}
}

/* Counts a bad record under REASON and keeps its bytes for review. */
void
ll_reject(enum ll_reason reason, const void *raw, size_t len)
{
	ll_reject_bytes(raw, len);
	ll_reject_end(reason);
}

void
ll_count_n(enum ll_reason reason, uintmax_t n)
{
	const char *name = ll_reason_name(reason);
	json_t *v;
	json_int_t old;

	if (ll_sink_cur != NULL) {
		ll_sink_count(reason, n);
		return;
	}
	v = json_object_get(ll_stats.reasons, name);
	old = v != NULL ? json_integer_value(v) : 0;
	json_object_set_new(ll_stats.reasons, name,
	    json_integer(old + (json_int_t)n));
}

void
ll_count(enum ll_reason reason)
{
	ll_count_n(reason, 1);
}

/* Adds N to a tool-specific counter reported at the top of --stats. */
void
ll_stats_add(const char *key, uintmax_t n)
{
	json_t *v;
	json_int_t old;

	v = json_object_get(ll_stats.extra, key);
	old = v != NULL ? json_integer_value(v) : 0;
	json_object_set_new(ll_stats.extra, key,
	    json_integer(old + (json_int_t)n));
}

void
ll_stats_set_path(const char *path)
{
	statspath = path;
}

/* Remembers the worst process-level failure; the run goes on. */
void
ll_fail(int code)
{
	if (ll_sink_cur != NULL) {
		ll_sink_fail(code);
		return;
	}
	if (code > failcode)
		failcode = code;
}

static int
exit_code(void)
{
	if (failcode != 0)
		return failcode;
	return ll_stats.rejected > 0 ? LL_EXIT_REJECT : LL_EXIT_OK;
}

static void
write_stats(int code)
{
	struct ll_afile af;
	json_t *o;
	FILE *fp;

	o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:O, s:i}",
	    "tool", ll_progname, "version", LL_VERSION,
	    "records_in", (json_int_t)ll_stats.records_in,
	    "bytes_in", (json_int_t)ll_stats.bytes_in,
	    "records_out", (json_int_t)ll_stats.records_out,
	    "bytes_out", (json_int_t)ll_stats.bytes_out,
	    "rejected", (json_int_t)ll_stats.rejected,
	    "reasons", ll_stats.reasons, "exit", code);
	json_object_update(o, ll_stats.extra);
	if (strcmp(statspath, "-") == 0) {
		/* "-" is standard error, as for --reject. */
		if (json_dumpf(o, stderr, JSON_COMPACT) == -1 ||
		    fputc('\n', stderr) == EOF || fflush(stderr) == EOF)
			err(LL_EXIT_IO, "<stderr>");
		json_decref(o);
		return;
	}
	fp = ll_afile_open(&af, statspath);
	if (json_dumpf(o, fp, JSON_COMPACT) == -1 || fputc('\n', fp) == EOF ||
	    ll_afile_commit(&af) == -1)
		err(LL_EXIT_IO, "%s", statspath);
	json_decref(o);
}

/* Flushes and closes every stream, writes --stats, picks the exit code. */
int
ll_finish(void)
{
	int code;

	ll_out_flush();
	warn_summary();
	if (rejectfp != NULL && rejectfp != stderr && fclose(rejectfp) == EOF)
		err(LL_EXIT_IO, "%s", rejectpath);
	rejectfp = NULL;
	code = exit_code();
	if (statspath != NULL)
		write_stats(code);
	json_decref(ll_stats.reasons);
	json_decref(ll_stats.extra);
	ll_stats.reasons = ll_stats.extra = NULL;
	if (fclose(stdout) == EOF)
		err(LL_EXIT_IO, "<stdout>");
	return code;
}
