/*
 * ll-flatten turns NDJSON records from ll-splitjson into readready
 * rows for one source's table (--table cloudtrail, cloudwatch...): flat,
 * lowercase columns in a fixed order, every column present (null when
 * absent), drifting objects kept whole as JSON text, and the derived
 * calendarday and the source's derived columns, as its definition
 * (lib/lake/source.h) says.  Records whose event time cannot be read
 * are rejected, those the source skips are counted and left out.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/out.h"
#include "io/reader.h"
#include "json/jscan.h"
#include "lake/flat.h"
#include "lake/schema.h"
#include "lake/source.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

struct flat {
	const struct ll_table *t;
	struct ll_flat	*flat;
	char		**prefix;	/* ,"name": */
	struct ll_jbuf	 out;
};

static const struct ll_opt opts[] = {
	{ 'l', "columns", NULL, "print the table's columns and exit", 'c' },
	{ 'T', "table", "TABLE", "a source's table, e.g. cloudtrail (required)",
	    't' },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-flatten [-hluV] [-r file] [-S file] -T table [file ...]",
	"Turn a log source's records (CloudTrail, Bedrock...) into readready "
	    "rows.",
	"rSu", opts,
	"  ll-splitjson -e Records raw/*.json.gz | ll-flatten -T cloudtrail"
};

static void
flatten(void *arg, const char *name, uintmax_t lineno, const char *line,
    size_t len)
{
	struct flat *f = arg;
	size_t i;

	if (ll_flat_record(f->flat, name, lineno, line, len) != 0)
		return;
	f->out.len = 0;
	for (i = 0; i < f->t->ncols; i++) {
		ll_jbuf_adds(&f->out, f->prefix[i]);
		ll_flat_put(f->flat, i, &f->out);
	}
	ll_jbuf_addc(&f->out, '}');
	ll_out_record(f->out.p, f->out.len);
}

/* The schema as "name type source" lines, for people and for tests. */
static void
columns(const struct flat *f)
{
	const struct ll_column *c;
	size_t i;

	for (i = 0; i < f->t->ncols; i++) {
		c = &f->t->cols[i];
		printf("%s\t%s\t%s%s%s\n", c->name, ll_schema_typename(c->type),
		    c->kind == LL_CK_JSON ? "json" : c->kind == LL_CK_FIELD ?
		    "" : "derived", c->kind != LL_CK_FIELD &&
		    c->path != NULL ? ":" : "", c->path != NULL ? c->path : "");
	}
}

int
main(int argc, char *argv[])
{
	const struct ll_source *src;
	struct flat f;
	const char *arg, *table = NULL;
	char *names;
	size_t i;
	int ch, list = 0;

	ll_init(argv[0]);
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'l':
			list = 1;
			break;
		case 'T':
			table = arg;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	argc -= optind;
	argv += optind;
	names = ll_source_names();
	if (table == NULL)
		errx(LL_EXIT_USAGE, "--table (-T) is required: %s", names);
	if ((src = ll_source_find(table)) == NULL)
		errx(LL_EXIT_USAGE, "--table: %s: expected %s", table, names);
	free(names);
	memset(&f, 0, sizeof(f));
	f.t = src->table;
	f.flat = ll_flat_new(src);
	f.prefix = xreallocarray(NULL, f.t->ncols, sizeof(char *));
	for (i = 0; i < f.t->ncols; i++)
		f.prefix[i] = xasprintf("%c\"%s\":", i == 0 ? '{' : ',',
		    f.t->cols[i].name);
	if (list)
		columns(&f);
	else if (argc == 0)
		ll_reader_file("-", 0, flatten, &f);
	for (ch = 0; !list && ch < argc; ch++)
		ll_reader_file(argv[ch], 0, flatten, &f);
	for (i = 0; i < f.t->ncols; i++)
		free(f.prefix[i]);
	free(f.prefix);
	ll_flat_free(f.flat);
	ll_jbuf_free(&f.out);
	return ll_finish();
}
