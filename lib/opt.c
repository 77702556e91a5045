/*
 * Every tool's command line from one table.  The short option string
 * and getopt_long's table are built from the tool's options and the
 * shared ones it takes; the shared ones are handled here, so -S, -r,
 * -u, -M, -m and -R mean the same in every tool.  An option renamed
 * for that keeps its old letter for one release, with a warning.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "io/input.h"
#include "io/out.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

size_t ll_opt_max_record = (size_t)512 << 20;

static const struct ll_opt shared[] = {
	{ 'M', "max-record-bytes", "SIZE",
	    "reject a record larger than SIZE (default 512M)", 0 },
	{ 'm', "max-size", "SIZE",
	    "stop an input that decompresses past SIZE", 0 },
	{ 'R', "max-ratio", "N",
	    "stop an input that expands over N times", 0 },
	{ 'r', "reject", "FILE",
	    "copy rejected records to FILE (- is stderr)", 0 },
	{ 'S', "stats", "FILE",
	    "write counters as JSON to FILE (- is stderr)", 0 },
	{ 'u', "unbuffered", NULL,
	    "write each record as soon as it is complete", 0 },
	{ 'h', "help", NULL, "print this help and exit", 0 },
	{ 'V', "version", NULL, "print the version and exit", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

/* The options of one command line: the tool's, then the shared. */
struct table {
	const struct ll_opt **o;
	size_t		 n;
	char		*shortopts;
	struct option	*longopts;
};

static struct table tab;

static int
takes(const struct ll_cmd *c, int ch)
{
	return ch == 'h' || ch == 'V' || (ch > 0 && ch < LL_OPT_LONG &&
	    c->common != NULL && strchr(c->common, ch) != NULL);
}

/* A long-only option (ch LL_OPT_LONG up) has no letter to add. */
static void
add_short(char **p, int ch, const char *arg)
{
	if (ch >= LL_OPT_LONG)
		return;
	*(*p)++ = (char)ch;
	if (arg != NULL)
		*(*p)++ = ':';
}

static void
build(const struct ll_cmd *c)
{
	const struct ll_opt *o;
	char *p;
	size_t i, max;

	max = 0;
	for (o = c->opts; o != NULL && o->ch != 0; o++)
		max++;
	max += sizeof(shared) / sizeof(shared[0]);
	tab.o = xreallocarray(NULL, max, sizeof(*tab.o));
	tab.longopts = xreallocarray(NULL, max + 1, sizeof(*tab.longopts));
	p = tab.shortopts = xmalloc(max * 4 + 1);
	tab.n = 0;
	for (o = c->opts; o != NULL && o->ch != 0; o++)
		tab.o[tab.n++] = o;
	for (o = shared; o->ch != 0; o++)
		if (takes(c, o->ch))
			tab.o[tab.n++] = o;
	for (i = 0; i < tab.n; i++) {
		o = tab.o[i];
		add_short(&p, o->ch, o->arg);
		if (o->old != 0)
			add_short(&p, o->old, o->arg);
		tab.longopts[i] = (struct option){ o->name,
		    o->arg != NULL ? required_argument : no_argument,
		    NULL, o->ch };
	}
	*p = '\0';
	memset(&tab.longopts[tab.n], 0, sizeof(tab.longopts[0]));
}

static void
unbuild(void)
{
	free(tab.o);
	free(tab.shortopts);
	free(tab.longopts);
	memset(&tab, 0, sizeof(tab));
}

/*
 * Sorts as the man pages do: digits, then letters, A before a, then
 * the long-only options by name.
 */
static int
optcmp(const void *a, const void *b)
{
	const struct ll_opt *x = *(const struct ll_opt *const *)a;
	const struct ll_opt *y = *(const struct ll_opt *const *)b;
	int lx, ly;

	if (x->ch >= LL_OPT_LONG || y->ch >= LL_OPT_LONG) {
		if (x->ch < LL_OPT_LONG || y->ch < LL_OPT_LONG)
			return x->ch < LL_OPT_LONG ? -1 : 1;
		return strcmp(x->name, y->name);
	}
	lx = tolower(x->ch);
	ly = tolower(y->ch);
	if (lx != ly)
		return lx - ly;
	return x->ch - y->ch;
}

static __dead void
help(const struct ll_cmd *c)
{
	const struct ll_opt *o;
	char left[64];
	size_t i;

	printf("%s\n%s\n\n", c->synopsis, c->purpose);
	qsort(tab.o, tab.n, sizeof(*tab.o), optcmp);
	for (i = 0; i < tab.n; i++) {
		o = tab.o[i];
		if (o->ch >= LL_OPT_LONG)
			snprintf(left, sizeof(left), "    --%s%s%s", o->name,
			    o->arg != NULL ? " " : "",
			    o->arg != NULL ? o->arg : "");
		else
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->ch,
			    o->name, o->arg != NULL ? " " : "",
			    o->arg != NULL ? o->arg : "");
		printf("  %-28s %s\n", left, o->help);
	}
	if (c->example != NULL)
		printf("\nExample:\n%s\n", c->example);
	printf("\nThe manual, %s(1), is the full reference.\n", ll_progname);
	unbuild();
	ll_out_flush();
	if (fclose(stdout) == EOF)
		err(LL_EXIT_IO, "<stdout>");
	exit(LL_EXIT_OK);
}

void
ll_opt_usage(const struct ll_cmd *c)
{
	fprintf(stderr, "%s\n", c->synopsis);
	exit(LL_EXIT_USAGE);
}

/* Handles a shared option; returns 0 if CH is the tool's own. */
static int
shared_option(const struct ll_cmd *c, int ch, const char *arg)
{
	if (!takes(c, ch))
		return 0;
	switch (ch) {
	case 'h':
		help(c);
		/* NOTREACHED */
	case 'M':
		ll_opt_max_record = (size_t)ll_opt_size("--max-record-bytes",
		    arg);
		break;
	case 'm':
		ll_input_limits.max_size = (uint64_t)ll_opt_size("--max-size",
		    arg);
		break;
	case 'R':
		ll_input_limits.max_ratio = (uint64_t)ll_opt_num("--max-ratio",
		    arg, 0, 1000000000);
		break;
	case 'r':
		ll_reject_open(arg);
		break;
	case 'S':
		ll_stats_set_path(arg);
		break;
	case 'u':
		ll_out_unbuffered(1);
		break;
	case 'V':
		unbuild();
		ll_version();
		/* NOTREACHED */
	default:
		return 0;
	}
	return 1;
}

/* The new letter of a deprecated one, after a warning; else CH. */
static int
renamed(int ch)
{
	size_t i;

	for (i = 0; i < tab.n; i++)
		if (tab.o[i]->old == ch && tab.o[i]->old != tab.o[i]->ch) {
			warnx("-%c is deprecated: use -%c (--%s)", ch,
			    tab.o[i]->ch, tab.o[i]->name);
			return tab.o[i]->ch;
		}
	return ch;
}

/*
 * The next option that is the tool's own, its argument in *ARG; -1
 * after the last (optind then indexes the operands).  Shared options
 * are done here; an unknown one prints the usage and exits 2.
 */
int
ll_opt_next(const struct ll_cmd *c, int argc, char *argv[], const char **arg)
{
	int ch;

	if (tab.shortopts == NULL)
		build(c);
	for (;;) {
		ch = getopt_long(argc, argv, tab.shortopts, tab.longopts,
		    NULL);
		if (ch == -1) {
			unbuild();
			return -1;
		}
		if (ch == '?' || ch == ':') {
			unbuild();
			ll_opt_usage(c);
		}
		ch = renamed(ch);
		*arg = optarg;
		if (!shared_option(c, ch, optarg))
			return ch;
	}
}

/* A whole number from MIN to MAX. */
long long
ll_opt_num(const char *opt, const char *s, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || errno == ERANGE || v < min || v > max)
		errx(LL_EXIT_USAGE, "%s: %s: expected a number from %lld "
		    "to %lld", opt, s, min, max);
	return v;
}

/* A size with an optional K, M, G or T suffix (powers of 1024). */
long long
ll_opt_size(const char *opt, const char *s)
{
	const char *units = "KMGT";
	const char *u;
	char *end;
	long long v;
	int shift;

	errno = 0;
	v = strtoll(s, &end, 10);
	shift = 0;
	if (*end != '\0' && (u = strchr(units, *end)) != NULL &&
	    (end[1] == '\0' || (end[1] == 'B' && end[2] == '\0') ||
	    (end[1] == 'i' && end[2] == 'B' && end[3] == '\0'))) {
		shift = 10 * (int)(u - units + 1);
		end += strlen(end);
	}
	if (end == s || *end != '\0' || errno == ERANGE || v < 0 ||
	    v > (LLONG_MAX >> shift))
		errx(LL_EXIT_USAGE, "%s: %s: expected a size such as 512K, "
		    "64M or 2G", opt, s);
	return v << shift;
}
