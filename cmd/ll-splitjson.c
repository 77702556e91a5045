/*
 * ll-splitjson turns JSON text into NDJSON: every document in the
 * input (concatenated "}{", pretty-printed, or one per line) is
 * written compact on its own line, or with --explode PATH each element
 * of the array at PATH is.  Invalid JSON is reported with its byte
 * offset, quarantined with --reject, and the stream goes on.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/out.h"
#include "json/path.h"
#include "json/split.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

static const struct option longopts[] = {
	{ "explode",		required_argument,	NULL,	'e' },
	{ "files-from",		required_argument,	NULL,	'F' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "keep",		required_argument,	NULL,	'k' },
	{ "max-record-bytes",	required_argument,	NULL,	'M' },
	{ "max-size",		required_argument,	NULL,	'm' },
	{ "parse",		required_argument,	NULL,	'p' },
	{ "max-ratio",		required_argument,	NULL,	'R' },
	{ "reject",		required_argument,	NULL,	'r' },
	{ "stats",		required_argument,	NULL,	'S' },
	{ "single",		no_argument,		NULL,	'1' },
	{ "source",		required_argument,	NULL,	's' },
	{ "unbuffered",		no_argument,		NULL,	'u' },
	{ "version",		no_argument,		NULL,	'V' },
	{ NULL,			0,			NULL,	0 }
};

static __dead void
usage(FILE *fp, int code)
{
	fprintf(fp, "usage: ll-splitjson [-1huV] [-e path] [-F list] "
	    "[-k field,...] [-M size] [-m size]\n"
	    "                    [-p path] [-R ratio] [-r file] [-S file] "
	    "[-s field] [file ...]\n");
	exit(code);
}

/* A plain key name: it is written into the output between quotes. */
static void
check_name(const char *opt, const char *name)
{
	const char *c;

	if (*name == '\0')
		errx(LL_EXIT_USAGE, "%s: empty field name", opt);
	for (c = name; *c != '\0'; c++)
		if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20)
			errx(LL_EXIT_USAGE, "%s: %s: field names may not "
			    "hold quotes, backslashes or control characters",
			    opt, name);
}

static void
parse_keep(struct ll_split_opts *o, const char *arg)
{
	char *copy, *f, *rest;

	copy = xstrdup(arg);
	for (rest = copy; (f = strsep(&rest, ",")) != NULL;) {
		check_name("--keep", f);
		o->keep = xreallocarray(o->keep, o->nkeep + 1,
		    sizeof(*o->keep));
		o->keep[o->nkeep++] = xstrdup(f);
	}
	free(copy);
}

static void
split_file(const struct ll_split_opts *o, const char *path)
{
	struct ll_input *in;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	ll_split(o, in, strcmp(path, "-") == 0 ? "-" : path);
	ll_input_close(in);
}

/* Splits every file named in LIST, one name a line. */
static void
split_list(const struct ll_split_opts *o, const char *list)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (strcmp(list, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(list, "r")) == NULL)
		err(LL_EXIT_IO, "%s", list);
	while ((n = getline(&line, &cap, fp)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0)
			split_file(o, line);
	}
	if (ferror(fp))
		err(LL_EXIT_IO, "%s", list);
	free(line);
	if (fp != stdin)
		fclose(fp);
}

static void
free_opts(struct ll_split_opts *o)
{
	size_t i;

	for (i = 0; i < o->nkeep; i++)
		free(o->keep[i]);
	free(o->keep);
	ll_path_free(&o->explode);
	ll_path_free(&o->parse);
}

int
main(int argc, char *argv[])
{
	struct ll_split_opts o;
	const char *list = NULL;
	int ch, i;

	ll_init(argv[0]);
	memset(&o, 0, sizeof(o));
	o.max_record = 512 << 20;
	while ((ch = getopt_long(argc, argv, "1e:F:hk:M:m:p:R:r:S:s:uV",
	    longopts, NULL)) != -1) {
		switch (ch) {
		case '1':
			o.single = 1;
			break;
		case 'e':
			ll_path_option(&o.explode, "--explode", optarg);
			break;
		case 'F':
			list = optarg;
			break;
		case 'h':
			usage(stdout, LL_EXIT_OK);
			/* NOTREACHED */
		case 'k':
			parse_keep(&o, optarg);
			break;
		case 'M':
			o.max_record = (size_t)ll_opt_size(
			    "--max-record-bytes", optarg);
			break;
		case 'm':
			ll_input_limits.max_size = (uint64_t)ll_opt_size(
			    "--max-size", optarg);
			break;
		case 'p':
			ll_path_option(&o.parse, "--parse", optarg);
			break;
		case 'R':
			ll_input_limits.max_ratio = (uint64_t)ll_opt_num(
			    "--max-ratio", optarg, 0, 1000000000);
			break;
		case 'r':
			ll_reject_open(optarg);
			break;
		case 'S':
			ll_stats_set_path(optarg);
			break;
		case 's':
			check_name("--source", optarg);
			o.source = optarg;
			break;
		case 'u':
			ll_out_unbuffered(1);
			break;
		case 'V':
			ll_version();
			/* NOTREACHED */
		default:
			usage(stderr, LL_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (o.nkeep > 0 && o.explode.n == 0)
		errx(LL_EXIT_USAGE, "--keep needs --explode");
	if (list != NULL)
		split_list(&o, list);
	else if (argc == 0)
		split_file(&o, "-");
	for (i = 0; i < argc; i++)
		split_file(&o, argv[i]);
	free_opts(&o);
	return ll_finish();
}
