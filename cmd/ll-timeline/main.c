/*
 * ll-timeline answers "what did this address, key, role or user do,
 * everywhere, between these times?": it searches every table of a
 * lake (or the NDJSON and Parquet files it is given) for the
 * indicators, in one pass over each file, and writes the rows that
 * hold one as a single time-ordered stream of records with the same
 * columns whatever their table, the full row in each.  Output is
 * NDJSON, CSV or an aligned table; a day is sorted (on disk past a
 * memory budget) and written before the next is read.
 */
#include <err.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "columns.h"
#include "emit.h"
#include "io/acmatch.h"
#include "isotime.h"
#include "ll.h"
#include "opt.h"
#include "scan.h"
#include "tables.h"
#include "xalloc.h"

#define MS_DAY	86400000LL

static const struct ll_opt opts[] = {
	{ 'b', "memory", "SIZE", "memory for sorting a day (default 256M)",
	    0 },
	{ 'D', "lake", "DIR", "search the tables in DIR (LAKE/TABLE/KEY=VALUE/)",
	    0 },
	{ 'f', "from", "DAY", "from the start of DAY, or from a time (RFC "
	    "3339)", 0 },
	{ 'f', "since", "TIME", "the same as --from", 0 },
	{ 'g', "grep", "STRING", "look for STRING (repeatable)", 0 },
	{ 'I', "indicators", "FILE", "look for each line of FILE "
	    "(repeatable)", 0 },
	{ 'i', "ignore-case", NULL, "indicators ignore ASCII case", 0 },
	{ 'j', "jobs", "N", "threads reading Parquet (default: the CPUs)",
	    0 },
	{ 'l', "columns", "LIST", "keep only these columns of the record "
	    "(a,b)", 0 },
	{ 'o', "output", "FORMAT", "ndjson, csv or table (table on a "
	    "terminal)", 0 },
	{ 'T', "table", "TABLE", "search only TABLE (repeatable)", 0 },
	{ 't', "to", "DAY", "to the end of DAY, or to a time (inclusive)",
	    0 },
	{ 't', "until", "TIME", "the same as --to", 0 },
	{ 'x', "word", NULL, "indicators count as whole words only", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-timeline [-hiuVx] [-b size] [-D lake] [-f from] [-g string] "
	    "[-I file]\n"
	    "                   [-j n] [-l list] [-M size] [-m size] "
	    "[-o format] [-R ratio]\n"
	    "                   [-r file] [-S file] [-T table] [-t to] "
	    "[file ...]",
	"Search every table of the lake for indicators; one time-ordered "
	    "stream.",
	"MRSmru", opts,
	"  ll-timeline -D lake -f 2026-03-01 -t 2026-03-31 -g 10.0.3.17 "
	    "-o csv >ip.csv"
};

struct args {
	const char	*lake;
	char		**tables;
	size_t		 ntables;
	const char	*from, *to;
	struct ll_acmatch *ac;
	char		**grep, **ind;
	size_t		 ngrep, nind;
	int		 icase, whole;
	const char	*format;
	const char	*columns;
	size_t		 jobs, memory;
};

static void
push(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = (char *)(uintptr_t)s;
}

/*
 * A bound of the window in milliseconds: TIME as given, or the first
 * (or with END the last) millisecond of a DAY.
 */
static int64_t
bound(const char *opt, const char *s, int end)
{
	int64_t ms;
	size_t n = strlen(s);

	if (ll_isotime_parse(s, n, &ms) == -1)
		errx(LL_EXIT_USAGE, "%s: %s: expected a day (2026-03-01) or "
		    "a time (2026-03-01T10:00:00Z)", opt, s);
	return n == 10 && end ? ms + MS_DAY - 1 : ms;
}

/* The window in milliseconds, both ends inclusive, and its days. */
static void
window(const struct args *a, struct ll_scan_opts *o, char *fromday,
    char *today)
{
	o->since = a->from != NULL ? bound("--from", a->from, 0) : INT64_MIN;
	o->until = a->to != NULL ? bound("--to", a->to, 1) : INT64_MAX;
	if (o->since > o->until)
		errx(LL_EXIT_USAGE, "the window ends before it starts");
	fromday[0] = today[0] = '\0';
	if (o->since != INT64_MIN && ll_isotime_day(o->since, fromday) == -1)
		fromday[0] = '\0';
	if (o->until != INT64_MAX && ll_isotime_day(o->until, today) == -1)
		today[0] = '\0';
}

static struct ll_acmatch *
matcher(const struct args *a)
{
	struct ll_acmatch *ac;
	size_t i;

	if (a->ngrep == 0 && a->nind == 0) {
		if (a->icase || a->whole)
			errx(LL_EXIT_USAGE, "%s needs --grep or --indicators",
			    a->icase ? "--ignore-case" : "--word");
		return NULL;
	}
	ac = ll_acmatch_new(a->icase, a->whole);
	for (i = 0; i < a->ngrep; i++) {
		if (a->grep[i][0] == '\0')
			errx(LL_EXIT_USAGE, "--grep: an empty string matches "
			    "everything");
		ll_acmatch_add(ac, a->grep[i], strlen(a->grep[i]));
	}
	for (i = 0; i < a->nind; i++)
		if (ll_acmatch_load(ac, a->ind[i]) == 0)
			errx(LL_EXIT_USAGE, "%s: no indicators", a->ind[i]);
	ll_acmatch_build(ac);
	return ac;
}

static enum ll_emit_format
format(const char *s)
{
	if (s == NULL)
		return isatty(STDOUT_FILENO) ? LL_EMIT_TABLE : LL_EMIT_NDJSON;
	if (strcmp(s, "ndjson") == 0)
		return LL_EMIT_NDJSON;
	if (strcmp(s, "csv") == 0)
		return LL_EMIT_CSV;
	if (strcmp(s, "table") == 0)
		return LL_EMIT_TABLE;
	errx(LL_EXIT_USAGE, "--output: %s: expected ndjson, csv or table", s);
}

static void
options(struct args *a, int argc, char *argv[])
{
	const char *arg;
	long n;
	int ch;

	n = sysconf(_SC_NPROCESSORS_ONLN);
	a->jobs = n < 1 ? 1 : n > 8 ? 8 : (size_t)n;
	a->memory = (size_t)256 << 20;
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'b':
			a->memory = (size_t)ll_opt_size("--memory", arg);
			if (a->memory < (1 << 20))
				errx(LL_EXIT_USAGE, "--memory: at least 1M");
			break;
		case 'D':
			if (a->lake != NULL)
				errx(LL_EXIT_USAGE, "only one --lake");
			a->lake = arg;
			break;
		case 'f':
			a->from = arg;
			break;
		case 'g':
			push(&a->grep, &a->ngrep, arg);
			break;
		case 'I':
			push(&a->ind, &a->nind, arg);
			break;
		case 'i':
			a->icase = 1;
			break;
		case 'j':
			a->jobs = (size_t)ll_opt_num("--jobs", arg, 1, 64);
			break;
		case 'l':
			a->columns = arg;
			break;
		case 'o':
			a->format = arg;
			break;
		case 'T':
			push(&a->tables, &a->ntables, arg);
			break;
		case 't':
			a->to = arg;
			break;
		case 'x':
			a->whole = 1;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
}

/* A terminal table may show UTF-8 when the locale says so. */
static int
utf8_locale(void)
{
	const char *cs;

	if (setlocale(LC_CTYPE, "") == NULL)
		return 0;
	cs = nl_langinfo(CODESET);
	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

int
main(int argc, char *argv[])
{
	struct args a;
	struct ll_scan_opts so;
	struct ll_tables t;
	struct ll_cols cols;
	struct ll_scan *s;
	struct ll_emit *e;
	enum ll_emit_format fmt;
	char fromday[11], today[11];
	size_t g;
	int i;

	ll_init(argv[0]);
	memset(&a, 0, sizeof(a));
	memset(&so, 0, sizeof(so));
	memset(&t, 0, sizeof(t));
	memset(&cols, 0, sizeof(cols));
	options(&a, argc, argv);
	argc -= optind;
	argv += optind;
	window(&a, &so, fromday, today);
	fmt = format(a.format);
	if (a.lake == NULL && a.ntables > 1)
		errx(LL_EXIT_USAGE, "without --lake, one --table names the "
		    "files' table");
	so.ac = a.ac = matcher(&a);
	so.max_record = ll_opt_max_record;
	so.jobs = a.jobs;
	so.memory = a.memory;
	if (a.lake != NULL)
		ll_tables_lake(&t, a.lake, a.tables, a.ntables,
		    fromday[0] != '\0' ? fromday : NULL,
		    today[0] != '\0' ? today : NULL);
	for (i = 0; i < argc; i++)
		ll_tables_file(&t, argv[i], a.lake == NULL && a.ntables == 1 ?
		    a.tables[0] : NULL);
	if (a.lake == NULL && argc == 0)
		ll_tables_file(&t, "-", a.ntables == 1 ? a.tables[0] : NULL);
	ll_tables_done(&t);
	if (a.columns != NULL) {
		ll_cols_parse(&cols, a.columns);
		ll_cols_check(&cols, &t);
		so.cols = &cols;
	}
	e = ll_emit_new(fmt, a.ac != NULL, fmt == LL_EMIT_TABLE &&
	    utf8_locale());
	s = ll_scan_new(&so, &t);
	for (g = 0; g < t.ngroups;)
		g += ll_scan_groups(s, g, ll_emit_record, e);
	ll_emit_finish(e);
	ll_scan_free(s);
	ll_tables_free(&t);
	ll_cols_free(&cols);
	ll_acmatch_free(a.ac);
	free(a.grep);
	free(a.ind);
	free(a.tables);
	return ll_finish();
}
