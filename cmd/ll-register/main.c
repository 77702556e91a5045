/*
 * ll-register makes the partitions that ll-partition reports visible
 * to queries, without crawlers or MSCK REPAIR TABLE: it adds them to
 * the AWS Glue Data Catalog with BatchCreatePartition (up to 100 a
 * call, a partition that exists already is fine), or with --print
 * writes ALTER TABLE ... ADD IF NOT EXISTS PARTITION statements.  Each
 * partition registered is written out with its status.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aws/creds.h"
#include "awsjson.h"
#include "excerpt.h"
#include "io/out.h"
#include "io/reader.h"
#include "json/jscan.h"
#include "json/json.h"
#include "lake/ddl.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

struct pending {
	json_t		*rec;		/* the output record */
	json_t		*values;
	char		*name;		/* a copy: it outlives its input */
	char		*raw;
	size_t		 rawlen;
	uintmax_t	 lineno;
};

struct reg {
	const char	*db, *table;
	int		 print;
	size_t		 batch;
	struct ll_aws	*aws;
	json_t		*sd;		/* the table's StorageDescriptor */
	json_t		*pkeys;		/* its partition key names */
	struct pending	*pend;
	size_t		 npend;
};

static const struct ll_opt opts[] = {
	{ 'b', "batch-size", "COUNT", "partitions per Glue call (1 to 100)",
	    0 },
	{ 'd', "database", "NAME", "the Glue database", 0 },
	{ 'n', "retries", "N", "retry a failed call N times (default 5)",
	    'R' },
	{ 'P', "print", NULL, "print ALTER TABLE ADD PARTITION instead", 0 },
	{ 'T', "table", "NAME", "the table (required)", 't' },
	{ 'v', "verbose", NULL, "say where credentials came from", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-register [-huVv] [-b count] [-n retries] "
	    "[-r file] [-S file]\n"
	    "                   -d database -T table [file ...]\n"
	    "       ll-register -P [-huV] [-r file] [-S file] -T table "
	    "[file ...]",
	"Add new partitions to the Glue Data Catalog, or print ALTER TABLE.",
	"rSu", opts,
	"  ll-partition -T cloudtrail -o lake ev | "
	    "ll-register -d lake -T cloudtrail"
};

/* Reads the table once: new partitions copy its storage settings. */
static void
get_table(struct reg *g)
{
	json_t *req, *ans, *t, *k;
	char *msg;
	size_t i;

	req = json_pack("{s:s, s:s}", "DatabaseName", g->db, "Name",
	    g->table);
	ans = ll_awsjson_call(g->aws, "GetTable", req, &msg);
	json_decref(req);
	if (ans == NULL) {
		warnx("%s", msg);
		free(msg);
		ll_awsjson_close(g->aws);
		exit(LL_EXIT_REMOTE);
	}
	t = json_object_get(ans, "Table");
	g->sd = json_deep_copy(json_object_get(t, "StorageDescriptor"));
	if (!json_is_object(g->sd)) {
		json_decref(g->sd);
		g->sd = json_object();
	}
	g->pkeys = json_array();
	json_array_foreach(json_object_get(t, "PartitionKeys"), i, k)
		json_array_append(g->pkeys, json_object_get(k, "Name"));
	json_decref(ans);
	if (json_array_size(g->pkeys) == 0)
		errx(LL_EXIT_REMOTE, "%s.%s: the table has no partition keys",
		    g->db, g->table);
}

static const char *
error_code(json_t *errors, json_t *values, const char **msg)
{
	json_t *e, *d;
	size_t i;

	json_array_foreach(errors, i, e) {
		if (!json_equal(json_object_get(e, "PartitionValues"), values))
			continue;
		d = json_object_get(e, "ErrorDetail");
		*msg = json_string_value(json_object_get(d, "ErrorMessage"));
		return json_string_value(json_object_get(d, "ErrorCode"));
	}
	return NULL;
}

static void
flush(struct reg *g)
{
	struct pending *p;
	json_t *req, *list, *in, *ans, *errors;
	const char *code, *msg;
	char *why, ecode[160], emsg[LL_EXCERPT_BUF];
	size_t i;

	if (g->npend == 0)
		return;
	list = json_array();
	for (i = 0; i < g->npend; i++) {
		p = &g->pend[i];
		in = json_pack("{s:O, s:o}", "Values", p->values,
		    "StorageDescriptor", json_deep_copy(g->sd));
		json_object_set(json_object_get(in, "StorageDescriptor"),
		    "Location", json_object_get(p->rec, "location"));
		json_array_append_new(list, in);
	}
	req = json_pack("{s:s, s:s, s:o}", "DatabaseName", g->db,
	    "TableName", g->table, "PartitionInputList", list);
	ans = ll_awsjson_call(g->aws, "BatchCreatePartition", req, &why);
	json_decref(req);
	if (ans == NULL) {
		warnx("%s", why);
		free(why);
		ll_fail(LL_EXIT_REMOTE);
	}
	errors = json_object_get(ans, "Errors");
	for (i = 0; ans != NULL && i < g->npend; i++) {
		p = &g->pend[i];
		msg = NULL;
		code = error_code(errors, p->values, &msg);
		if (code != NULL && strcmp(code, "AlreadyExistsException") !=
		    0) {
			/* Glue's words: escaped, cut, secrets masked. */
			ll_warnx_at(p->name, p->lineno, "%s: %s",
			    ll_excerpt_str(ecode, sizeof(ecode), code),
			    ll_excerpt_str(emsg, sizeof(emsg), msg));
			ll_reject(LL_R_GLUE_ERROR, p->raw, p->rawlen);
			continue;
		}
		json_object_set_new(p->rec, "status", json_string(code ==
		    NULL ? "created" : "exists"));
		ll_stats_add(code == NULL ? "created" : "exists", 1);
		ll_out_json(p->rec);
	}
	json_decref(ans);
	for (i = 0; i < g->npend; i++) {
		json_decref(g->pend[i].rec);
		json_decref(g->pend[i].values);
		free(g->pend[i].name);
		free(g->pend[i].raw);
	}
	g->npend = 0;
}

/* Returns -1 when a value holds what cannot be written into SQL. */
static int
print_alter(struct reg *g, json_t *part, const char *loc)
{
	struct ll_jbuf b;
	const char **keys, **vals;
	const char *k;
	json_t *v;
	size_t n;
	int r;

	memset(&b, 0, sizeof(b));
	n = json_object_size(part);
	keys = xreallocarray(NULL, n, sizeof(*keys));
	vals = xreallocarray(NULL, n, sizeof(*vals));
	n = 0;
	json_object_foreach(part, k, v) {
		keys[n] = k;
		vals[n++] = json_string_value(v);
	}
	r = ll_ddl_add_partition(&b, g->table, keys, vals, n, loc);
	if (r == 0)
		ll_out_record(b.p, b.len);
	ll_jbuf_free(&b);
	free(keys);
	free(vals);
	return r;
}

static void
register_line(void *arg, const char *name, uintmax_t lineno,
    const char *line, size_t len)
{
	struct reg *g = arg;
	struct pending *p;
	json_error_t jerr;
	json_t *rec, *part, *loc, *values, *v, *k;
	const char *key;
	size_t i;
	int ok;

	if ((rec = ll_json_parse(line, len, &jerr)) == NULL) {
		ll_warnx_at(name, lineno, "invalid JSON: %s", jerr.text);
		ll_reject(LL_R_INVALID_JSON, line, len);
		return;
	}
	part = json_object_get(rec, "partition");
	loc = json_object_get(rec, "location");
	ok = json_is_object(part) && json_object_size(part) > 0 &&
	    json_is_string(loc);
	json_object_foreach(part, key, v)
		ok = ok && json_is_string(v);
	values = json_array();
	json_array_foreach(g->pkeys, i, k) {
		v = json_object_get(part, json_string_value(k));
		ok = ok && json_is_string(v);
		json_array_append(values, v);
	}
	if (!ok) {
		ll_warnx_at(name, lineno, "not a partition record: needs "
		    "\"partition\" with %s and \"location\"", g->print ?
		    "string values" : "the table's partition keys");
		ll_reject(LL_R_NOT_A_PARTITION, line, len);
		json_decref(values);
		json_decref(rec);
		return;
	}
	if (g->print) {
		if (print_alter(g, part, json_string_value(loc)) == -1) {
			ll_warnx_at(name, lineno, "a control character in the "
			    "partition or location cannot be written into "
			    "ALTER TABLE");
			ll_reject(LL_R_UNSAFE_SQL, line, len);
		}
		json_decref(values);
		json_decref(rec);
		return;
	}
	g->pend = xreallocarray(g->pend, g->npend + 1, sizeof(*g->pend));
	p = &g->pend[g->npend++];
	p->rec = json_pack("{s:s, s:s, s:O, s:O}", "database", g->db,
	    "table", g->table, "partition", part, "location", loc);
	p->values = values;
	p->name = xstrdup(name);
	p->raw = xstrndup(line, len);
	p->rawlen = len;
	p->lineno = lineno;
	json_decref(rec);
	if (g->npend == g->batch)
		flush(g);
}

static void
register_file(struct reg *g, const char *path)
{
	ll_reader_file(path, LL_READER_EMPTY_QUIET, register_line, g);
	/* A batch never mixes the partitions of two inputs. */
	flush(g);
}

int
main(int argc, char *argv[])
{
	struct reg g;
	const char *arg, *why;
	char ebuf[LL_EXCERPT_BUF];
	int ch, retries = 5, credflags = 0;

	ll_init(argv[0]);
	memset(&g, 0, sizeof(g));
	g.batch = 100;
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'b':
			g.batch = (size_t)ll_opt_num("--batch-size", arg, 1,
			    100);
			break;
		case 'd':
			g.db = arg;
			break;
		case 'n':
			retries = (int)ll_opt_num("--retries", arg, 0, 20);
			break;
		case 'P':
			g.print = 1;
			break;
		case 'T':
			g.table = arg;
			break;
		case 'v':
			credflags |= LL_CREDS_VERBOSE;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	argc -= optind;
	argv += optind;
	if (g.table == NULL)
		errx(LL_EXIT_USAGE, "--table (-T) is required");
	if (g.print && !ll_ddl_ok(g.table))
		errx(LL_EXIT_USAGE, "--table: \"%s\": a control character "
		    "cannot be written into a statement", ll_excerpt_str(ebuf,
		    sizeof(ebuf), g.table));
	if (!g.print && g.db == NULL)
		errx(LL_EXIT_USAGE, "--database (-d) is required, or --print "
		    "(-P)");
	if (!g.print) {
		if ((g.aws = ll_awsjson_open("glue", "AWSGlue", credflags,
		    &why)) == NULL)
			errx(LL_EXIT_USAGE, "%s", why);
		ll_awsjson_retries(g.aws, retries);
		get_table(&g);
		ll_stats_add("created", 0);
		ll_stats_add("exists", 0);
	}
	if (argc == 0)
		register_file(&g, "-");
	for (ch = 0; ch < argc; ch++)
		register_file(&g, argv[ch]);
	free(g.pend);
	json_decref(g.sd);
	json_decref(g.pkeys);
	ll_awsjson_close(g.aws);
	return ll_finish();
}
