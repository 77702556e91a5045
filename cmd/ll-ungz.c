/*
 * ll-ungz decompresses files or standard input to standard output,
 * choosing the decoder from the first bytes (gzip with every member
 * of a multi-member stream, bzip2, xz, zstd, zip, tar, or plain).
 * Damaged data is reported with its byte offset; the good data around
 * it is kept, and each file's output ends with a newline.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/out.h"
#include "ll.h"
#include "opt.h"

#define BUFSIZE (1 << 20)

static const struct option longopts[] = {
	{ "help",	no_argument,		NULL,	'h' },
	{ "max-size",	required_argument,	NULL,	'm' },
	{ "max-ratio",	required_argument,	NULL,	'R' },
	{ "stats",	required_argument,	NULL,	'S' },
	{ "unbuffered",	no_argument,		NULL,	'u' },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 }
};

static __dead void
usage(FILE *fp, int code)
{
	fprintf(fp, "usage: ll-ungz [-huV] [-m size] [-R ratio] [-S file] "
	    "[file ...]\n");
	exit(code);
}

static void
ungz(const char *path, char *buf)
{
	struct ll_input *in;
	ssize_t n;
	char last = '\n';

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	while ((n = ll_input_read(in, buf, BUFSIZE)) > 0) {
		ll_out_write(buf, (size_t)n);
		last = buf[n - 1];
	}
	if (last != '\n')
		ll_out_write("\n", 1);
	ll_stats.records_in++;
	ll_stats_add("files_damaged", ll_input_errors(in) > 0);
	ll_stats_add("files_ok", ll_input_errors(in) == 0);
	ll_input_close(in);
}

int
main(int argc, char *argv[])
{
	char *buf;
	int ch, i;

	ll_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "hm:R:S:uV", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'h':
			usage(stdout, LL_EXIT_OK);
			/* NOTREACHED */
		case 'm':
			ll_input_limits.max_size = (uint64_t)ll_opt_size(
			    "--max-size", optarg);
			break;
		case 'R':
			ll_input_limits.max_ratio = (uint64_t)ll_opt_num(
			    "--max-ratio", optarg, 0, 1000000000);
			break;
		case 'S':
			ll_stats_set_path(optarg);
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
	if ((buf = malloc(BUFSIZE)) == NULL)
		err(LL_EXIT_IO, NULL);
	if (argc == 0)
		ungz("-", buf);
	for (i = 0; i < argc; i++)
		ungz(argv[i], buf);
	free(buf);
	return ll_finish();
}
