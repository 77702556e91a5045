/*
 * ll-splitjson turns JSON text into NDJSON: every document in the
 * input (concatenated "}{", pretty-printed, or one per line) is
 * written compact on its own line, or with --explode PATH each element
 * of the array at PATH is; --table splits as a source's definition
 * says.  Invalid JSON is reported with its byte offset, quarantined
 * with --reject, and the stream goes on.
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
#include "lake/source.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

static const struct ll_opt opts[] = {
	{ '1', "single", NULL, "the input is exactly one JSON document", 0 },
	{ 'e', "explode", "PATH", "write each element of the array at PATH",
	    0 },
	{ 'F', "files-from", "LIST", "also split the files named in LIST", 0 },
	{ 'k', "keep", "FIELD,...",
	    "with -e, copy document fields into each element", 0 },
	{ 'p', "parse", "PATH",
	    "replace the string at PATH by the JSON it holds", 0 },
	{ 's', "source", "FIELD", "add FIELD holding the input file's name",
	    0 },
	{ 'T', "table", "TABLE", "split as the source TABLE says (its -e, -k)",
	    0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-splitjson [-1huV] [-e path] [-F list] "
	    "[-k field,...] [-M size]\n"
	    "                    [-m size] [-p path] [-R ratio] [-r file] "
	    "[-S file]\n"
	    "                    [-s field] [-T table] [file ...]",
	"Split JSON text (concatenated, pretty-printed or one per line) "
	    "into NDJSON.",
	"MRSmru", opts,
	"  ll-splitjson -T cloudtrail -s source_object raw/*.json.gz"
};

static void
split_file(const struct ll_split_opts *o, const char *path)
{
	struct ll_input *in;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	/*
	 * A Parquet file of the lake holds rows, not JSON text: one clear
	 * message in place of a parse error every few hundred bytes.
	 */
	if (strcmp(ll_input_format(in), "parquet") == 0) {
		ll_warnx_at(path, 1, "a Parquet file holds rows, not JSON "
		    "text: ll-filter or ll-timeline reads them");
		ll_count(LL_R_PARQUET_INPUT);
		ll_fail(LL_EXIT_REJECT);
		ll_input_close(in);
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

/* --table: the source's records are elements of an array, or lines. */
static void
by_source(struct ll_split_opts *o, const char *table)
{
	const struct ll_source *src;
	char *names;

	if ((src = ll_source_find(table)) == NULL) {
		names = ll_source_names();
		errx(LL_EXIT_USAGE, "--table: %s: expected %s", table, names);
	}
	if (o->explode.n > 0 || o->nkeep > 0)
		errx(LL_EXIT_USAGE, "--table says --explode and --keep");
	if (src->explode != NULL)
		ll_path_option(&o->explode, "--table", src->explode);
	if (src->keep != NULL)
		ll_split_keep(o, src->keep);
}

int
main(int argc, char *argv[])
{
	struct ll_split_opts o;
	const char *arg, *list = NULL, *table = NULL;
	int ch, i;

	ll_init(argv[0]);
	memset(&o, 0, sizeof(o));
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case '1':
			o.single = 1;
			break;
		case 'e':
			ll_path_option(&o.explode, "--explode", arg);
			break;
		case 'F':
			list = arg;
			break;
		case 'k':
			ll_split_keep(&o, arg);
			break;
		case 'p':
			ll_path_option(&o.parse, "--parse", arg);
			break;
		case 's':
			ll_split_source(&o, arg);
			break;
		case 'T':
			table = arg;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	o.max_record = ll_opt_max_record;
	if (table != NULL)
		by_source(&o, table);
	argc -= optind;
	argv += optind;
	ll_split_check(&o);
	if (list != NULL)
		split_list(&o, list);
	else if (argc == 0)
		split_file(&o, "-");
	for (i = 0; i < argc; i++)
		split_file(&o, argv[i]);
	ll_split_opts_free(&o);
	return ll_finish();
}
