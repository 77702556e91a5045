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

static const struct ll_cmd cmd = {
	"usage: ll-ungz [-huV] [-m size] [-R ratio] [-S file] [file ...]",
	"Decompress by content: multi-member gzip, bzip2, xz, zstd, zip, "
	    "tar.",
	"RSmu", NULL,
	"  ll-ungz raw/firehose/2026/03/01/*/* | ll-splitjson"
};

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
	const char *arg;
	char *buf;
	int i;

	ll_init(argv[0]);
	/* Every option is a shared one. */
	while (ll_opt_next(&cmd, argc, argv, &arg) != -1)
		ll_opt_usage(&cmd);
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
