/*
 * ll-partition writes readready rows into a Hive-style tree,
 * OUT/TABLE/calendarday=YYYY-MM-DD/part-*.parquet: Parquet files (or
 * gzip JSON lines) rolled at a target size, each file atomic and named
 * after the keys it holds.  A row whose key (eventid, event_id) is
 * already in its partition, from this run or an earlier one, is counted
 * and left out, so a re-run batch or a late duplicate adds nothing
 * twice.  One NDJSON record per partition written goes to standard
 * output for ll-register; --ddl prints the CREATE statement instead.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "excerpt.h"
#include "isotime.h"
#include "io/out.h"
#include "io/reader.h"
#include "json/jscan.h"
#include "lake/ddl.h"
#include "lake/flat.h"
#include "lake/hive.h"
#include "lake/parquet.h"
#include "lake/pqzip.h"
#include "lake/schema.h"
#include "lake/shard.h"
#include "lake/source.h"
#include "ll.h"
#include "opt.h"
#include "partkeys.h"
#include "partwrite.h"
#include "pqrow.h"
#include "publish.h"
#include "xalloc.h"

#define GZIP_LEVEL 6		/* of Parquet pages and JSON lines files */
#define ZSTD_LEVEL 3		/* of Parquet pages */

struct state {
	const struct ll_table *t;
	const char	*key;
	enum ll_format	 fmt;
	struct ll_pqrow	 pr;
	int		 keycol;	/* the key's Parquet column, or -1 */
	struct ll_flat	*flat;		/* --flatten */
	int		 keytcol;	/* the key's table column */
	int		*pcol;		/* the partition keys' */
	char		**pkeys;
	size_t		 npkeys;
	struct ll_partw	*w;
	struct ll_jscan	 scan;
	struct ll_jbuf	 row, rel;
	struct ll_jval	*pv;
};

enum { OPT_SHARD = LL_OPT_LONG, OPT_ENCODERS, OPT_SOURCES };

static const struct ll_opt opts[] = {
	{ 'A', "all-partitions", NULL, "report every partition the input "
	    "touched", 0 },
	{ 'B', "backoff", "MS", "-o s3://: first retry after about MS "
	    "(200)", 0 },
	{ 'D', "stage", "DIR", "-o s3://: build files in DIR, then upload "
	    "them", 0 },
	{ 'b', "row-group", "SIZE", "Parquet row groups of about SIZE "
	    "(default 32M)", 'g' },
	{ 'c', "codec", "CODEC", "Parquet pages in gzip (default) or zstd",
	    0 },
	{ 'd', "ddl", "DIALECT", "print CREATE TABLE for a dialect "
	    "(athena...)", 0 },
	{ OPT_ENCODERS, "encoders", "COUNT", "threads per Parquet file, 1 or 2 "
	    "(default 2)", 0 },
	{ 'F', "flatten", NULL, "flatten raw records first (as ll-flatten)",
	    0 },
	{ 'f', "format", "FORMAT", "parquet (default) or json", 0 },
	{ OPT_SOURCES, "sources", NULL, "print the sources, a JSON object each, and "
	    "exit", 0 },
	{ 'j', "jobs", "N", "-o s3://: N requests at once (default 16)", 0 },
	{ 'k', "key", "FIELD", "de-duplicate on FIELD (default the table's)",
	    0 },
	{ 'L', "location", "URL", "where readers find the table (default "
	    "-o)", 0 },
	{ 'N', "max-open", "COUNT", "partitions with a file open at once "
	    "(default 16)", 'm' },
	{ 'n', "name", "NAME", "the table's name in --ddl", 0 },
	{ 'o', "output", "DIR", "the lake's top folder, or s3://BUCKET/PREFIX/",
	    0 },
	{ 'p', "partition-by", "FIELD,...", "partition keys (default "
	    "calendarday)", 0 },
	{ 's', "size", "SIZE", "roll data files at SIZE (default 128M)", 0 },
	{ 'T', "table", "TABLE", "a source's table, e.g. cloudtrail "
	    "(required)", 't' },
	{ 'v', "verbose", NULL, "-o s3://: log each request and retry", 0 },
	{ 'W', "timeout", "SECS", "-o s3://: a stalled request fails after "
	    "SECS (30)", 0 },
	{ 'X', "multipart", "SIZE", "-o s3://: files over SIZE go in parts "
	    "(64M)", 0 },
	{ 'Y', "projection", "DAY", "-d athena: partition projection from DAY",
	    0 },
	{ 'z', "level", "LEVEL", "gzip 1-12 (default 6), zstd 1-19 (default "
	    "3)", 'l' },
	{ OPT_SHARD, "shard", "INDEX/COUNT", "name data files after this "
	    "shard", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-partition [-AFhuV] [-b size] [-c codec] [-f format] "
	    "[-k field]\n"
	    "                    [-L url] [-N count] [-p field,...] [-r file] "
	    "[-S file]\n"
	    "                    [-s size] [-z level] [--encoders count]\n"
	    "                    [--shard index/count] -o dir -T table "
	    "[file ...]\n"
	    "       ll-partition [-AFhuVv] [-B ms] [-b size] [-c codec] "
	    "[-f format]\n"
	    "                    [-j jobs] [-k field] [-L url] [-N count] "
	    "[-p field,...]\n"
	    "                    [-r file] [-S file] [-s size] [-W secs] "
	    "[-X size]\n"
	    "                    [-z level] [--encoders count] "
	    "[--shard index/count]\n"
	    "                    -D dir -o s3://bucket/prefix/ -T table "
	    "[file ...]\n"
	    "       ll-partition -d dialect [-f format] [-L url] [-n name] "
	    "[-o dir]\n"
	    "                    [-p field,...] [-Y day] -T table\n"
	    "       ll-partition --sources",
	"Write flat rows into calendarday partitions, de-duplicated across "
	    "runs.",
	"rSu", opts,
	"  ll-flatten -T cloudtrail events.ndjson | "
	    "ll-partition -T cloudtrail -o lake"
};


/*
 * The level of the codec: LEVEL if given (not 0) and in the codec's
 * range, else its default.
 */
static void
set_level(struct ll_parquet_opts *pq, int level)
{
	int lo, hi;

	if (ll_pqzip_levels(pq->codec, &lo, &hi) == -1)
		abort();
	if (level == 0)
		level = pq->codec == LL_PQ_ZSTD ? ZSTD_LEVEL : GZIP_LEVEL;
	if (level < lo || level > hi)
		errx(LL_EXIT_USAGE, "--level: %d: expected %d to %d for %s",
		    level, lo, hi, pq->codec == LL_PQ_ZSTD ? "zstd" : "gzip");
	pq->level = level;
}

/* An empty directory or URL would put the table at the root. */
static const char *
nonempty(const char *opt, const char *arg)
{
	if (*arg == '\0')
		errx(LL_EXIT_USAGE, "%s: empty", opt);
	return arg;
}

/*
 * Sends a row, its values gathered, to its partition: checks its key
 * and partition values, then adds it unless its key is there already.
 */
static void
route(struct state *st, const char *name, uintmax_t lineno,
    const char *line, size_t len, const struct ll_jval *key)
{
	struct ll_part *p;
	size_t i;

	if ((key->type != LL_JSTR || key->n <= 2) && key->type != LL_JNUM) {
		ll_warnx_at(name, lineno, "no %s", st->key);
		ll_reject(LL_R_MISSING_KEY, line, len);
		return;
	}
	st->rel.len = 0;
	for (i = 0; i < st->npkeys; i++)
		if (ll_hive_add(&st->rel, st->pkeys[i], &st->pv[i]) == -1) {
			ll_warnx_at(name, lineno, "%s: not a usable partition "
			    "value", st->pkeys[i]);
			ll_reject(LL_R_BAD_PARTITION_VALUE, line, len);
			return;
		}
	ll_jbuf_addc(&st->rel, '\0');
	p = ll_partwrite_get(st->w, st->rel.p);
	for (i = 0; i < st->npkeys && p->records + p->dups == 0; i++)
		json_object_set_new(p->values, st->pkeys[i],
		    json_stringn(st->pv[i].p + 1, st->pv[i].n - 2));
	ll_partwrite_add(st->w, p, key, st->row.p, st->row.len);
}

/*
 * Files one member of a row: a Parquet column, a partition value (the
 * path holds it, so no file does), the key, or for JSON lines a member
 * copied as it is.  Parquet files have no place for other members.
 */
static void
member(struct state *st, const struct ll_jval *k, const struct ll_jval *v,
    struct ll_jval *key)
{
	size_t i;
	int c;

	if (st->fmt == LL_FMT_PARQUET &&
	    (c = ll_pqrow_column(&st->pr, k)) >= 0) {
		st->pr.slot[c] = *v;
		if (c == st->keycol)
			*key = *v;
		return;
	}
	for (i = 0; i < st->npkeys; i++)
		if (ll_jstr_eq(k, st->pkeys[i])) {
			st->pv[i] = *v;
			return;
		}
	if (ll_jstr_eq(k, st->key))
		*key = *v;
	if (st->fmt == LL_FMT_PARQUET)
		ll_stats_add("columns_dropped", 1);
	else {
		if (st->row.len > 1)
			ll_jbuf_addc(&st->row, ',');
		ll_jbuf_add(&st->row, k->p, (size_t)(v->p + v->n - k->p));
	}
}

/* Copies the row without its partition columns, which the path holds. */
static void
partition_row(struct state *st, const char *name, uintmax_t lineno,
    const char *line, size_t len)
{
	struct ll_jiter it;
	struct ll_jval k, v, key;
	int r;

	ll_jscan_init(&st->scan, line, len);
	if (ll_jscan_peek(&st->scan) != LL_JOBJ) {
		ll_warnx_at(name, lineno, "not a JSON object");
		ll_reject(LL_R_NOT_OBJECT, line, len);
		return;
	}
	memset(st->pv, 0, st->npkeys * sizeof(*st->pv));
	memset(&key, 0, sizeof(key));
	ll_pqrow_clear(&st->pr);
	st->row.len = 0;
	ll_jbuf_addc(&st->row, '{');
	(void)ll_jscan_open(&st->scan, &it);
	while ((r = ll_jscan_next(&st->scan, &it, &k)) == 1) {
		if (ll_jscan_value(&st->scan, &v) == -1) {
			r = -1;
			break;
		}
		member(st, &k, &v, &key);
	}
	if (r == -1 || ll_jscan_end(&st->scan) == -1) {
		ll_warnx_at(name, lineno, "byte %zu: invalid JSON: %s",
		    ll_jscan_offset(&st->scan), st->scan.err);
		ll_reject(LL_R_INVALID_JSON, line, len);
		return;
	}
	ll_jbuf_addc(&st->row, '}');
	route(st, name, lineno, line, len, &key);
}

/*
 * --flatten: a record from ll-splitjson, flattened here as ll-flatten
 * would, its values taken without a round trip through JSON text.
 */
static void
flat_row(struct state *st, const char *name, uintmax_t lineno,
    const char *line, size_t len)
{
	struct ll_jval key;
	size_t i;

	if (ll_flat_record(st->flat, name, lineno, line, len) != 0)
		return;
	ll_flat_value(st->flat, (size_t)st->keytcol, &key);
	for (i = 0; i < st->npkeys; i++)
		ll_flat_value(st->flat, (size_t)st->pcol[i], &st->pv[i]);
	if (st->fmt == LL_FMT_PARQUET) {
		for (i = 0; i < st->pr.ncols; i++)
			ll_flat_value(st->flat, st->pr.src[i],
			    &st->pr.slot[i]);
	} else {
		st->row.len = 0;
		for (i = 0; i < st->pr.ncols; i++) {
			ll_jbuf_adds(&st->row, i == 0 ? "{\"" : ",\"");
			ll_jbuf_adds(&st->row, st->pr.cols[i].name);
			ll_jbuf_adds(&st->row, "\":");
			ll_flat_put(st->flat, st->pr.src[i], &st->row);
		}
		ll_jbuf_addc(&st->row, '}');
	}
	route(st, name, lineno, line, len, &key);
}

/* One input line: a readready row, or with --flatten a record to flatten. */
static void
row(void *arg, const char *name, uintmax_t lineno, const char *line,
    size_t len)
{
	struct state *st = arg;

	if (st->flat != NULL)
		flat_row(st, name, lineno, line, len);
	else
		partition_row(st, name, lineno, line, len);
}

static void
parse_pkeys(struct state *st, const char *arg)
{
	char *copy, *f, *rest, e[LL_EXCERPT_BUF];

	copy = xstrdup(arg);
	for (rest = copy; (f = strsep(&rest, ",")) != NULL;) {
		if (*f == '\0' || strcspn(f, "/=\"'`\\") != strlen(f) ||
		    !ll_ddl_ok(f))
			errx(LL_EXIT_USAGE, "--partition-by: %s: not a usable "
			    "column name", ll_excerpt_str(e, sizeof(e), f));
		st->pkeys = xreallocarray(st->pkeys, st->npkeys + 1,
		    sizeof(*st->pkeys));
		st->pkeys[st->npkeys++] = xstrdup(f);
	}
	free(copy);
}

/* --flatten finds the key and the partition values among the columns. */
static void
setup_flatten(struct state *st)
{
	size_t i;

	if ((st->keytcol = ll_schema_column(st->t, st->key)) == -1)
		errx(LL_EXIT_USAGE, "--flatten: key %s is not a column of %s",
		    st->key, st->t->name);
	st->pcol = xcalloc(st->npkeys, sizeof(*st->pcol));
	for (i = 0; i < st->npkeys; i++)
		if ((st->pcol[i] = ll_schema_column(st->t, st->pkeys[i])) == -1)
			errx(LL_EXIT_USAGE, "--flatten: partition key %s is "
			    "not a column of %s", st->pkeys[i], st->t->name);
	st->flat = ll_flat_new(ll_source_find(st->t->name));
}

/* --sources: each source as one line of JSON, for ll-pipeline. */
static void
sources(void)
{
	struct ll_jbuf b;
	size_t i;

	memset(&b, 0, sizeof(b));
	for (i = 0; i < ll_source_count(); i++)
		ll_source_json(&b, ll_source_at(i));
	ll_out_write(b.p, b.len);
	ll_jbuf_free(&b);
}

/* A value written into a statement may hold no control character. */
static void
sql_ok(const char *opt, const char *v)
{
	char e[LL_EXCERPT_BUF];

	if (!ll_ddl_ok(v))
		errx(LL_EXIT_USAGE, "%s: \"%s\": a control character cannot "
		    "be written into a statement", opt,
		    ll_excerpt_str(e, sizeof(e), v));
}

static void
ddl(struct state *st, const char *dialect, const char *name,
    const char *base, const char *baseopt, const char *from)
{
	struct ll_jbuf b;
	char *loc, *tname;
	int d;

	if ((d = ll_ddl_dialect(dialect)) == -1)
		errx(LL_EXIT_USAGE, "--ddl: %s: expected athena, trino, spark, "
		    "duckdb or glue", dialect);
	if (base == NULL)
		errx(LL_EXIT_USAGE, "--ddl needs --location or --output");
	sql_ok(baseopt, base);
	if (name != NULL)
		sql_ok("--name", name);
	if (d == LL_DDL_DUCKDB && strchr(base, '\\') != NULL)
		errx(LL_EXIT_USAGE, "%s: no DuckDB file glob can match a "
		    "path with a backslash", baseopt);
	memset(&b, 0, sizeof(b));
	loc = ll_hive_location(base, st->t->name, NULL);
	tname = name != NULL ? xstrdup(name) : xasprintf("%s_readready",
	    st->t->name);
	if (ll_ddl(&b, (enum ll_dialect)d, st->fmt, st->t, tname, loc,
	    st->pkeys, st->npkeys) == -1)
		errx(LL_EXIT_USAGE, "--ddl: a control character cannot be "
		    "written into a statement");
	if (from != NULL) {
		if (d != LL_DDL_ATHENA)
			errx(LL_EXIT_USAGE, "--projection: Athena's alone; "
			    "Trino, Spark and DuckDB read registered "
			    "partitions (ll-register)");
		if (st->npkeys != 1 || strcmp(st->pkeys[0], "calendarday") != 0)
			errx(LL_EXIT_USAGE, "--projection: the table must be "
			    "partitioned by calendarday alone");
		ll_ddl_projection(&b, loc, st->pkeys[0], from);
	}
	ll_out_write(b.p, b.len);
	ll_jbuf_free(&b);
	free(loc);
	free(tname);
}

/*
 * -o s3://: the tree is built in the stage, and uploaded.  The stage
 * must be named: it keeps the key sidecars and what a killed run
 * left to upload, so it is no temporary folder.
 */
static void
setup_s3(struct ll_publish *pub, struct ll_partwrite_opts *po,
    const char *stage, const char *table)
{
	if (stage == NULL)
		errx(LL_EXIT_USAGE, "--output %s needs --stage (-D), the "
		    "local folder where files are built", po->out);
	if (ll_publish_is_s3(stage))
		errx(LL_EXIT_USAGE, "--stage: %s: a local folder", stage);
	pub->url = po->out;
	pub->stage = stage;
	pub->table = table;
	if (po->base == NULL)
		po->base = po->out;
	po->out = stage;
	po->pub = pub;
}

/* Reads the rows and writes them out, then reports the partitions. */
static void
partition(struct state *st, const struct ll_partwrite_opts *po, int argc,
    char *argv[])
{
	int i;

	st->pv = xcalloc(st->npkeys, sizeof(*st->pv));
	if (po->pub != NULL)
		ll_publish_open(po->pub);
	st->w = ll_partwrite_new(po);
	if (po->pub != NULL)
		ll_publish_resume(po->pub, st->w);
	if (argc == 0)
		ll_reader_file("-", 0, row, st);
	for (i = 0; i < argc; i++)
		ll_reader_file(argv[i], 0, row, st);
	ll_partwrite_finish(st->w);
	if (po->pub != NULL)
		ll_publish_close(po->pub);
}

int
main(int argc, char *argv[])
{
	struct state st;
	struct ll_partwrite_opts po;
	struct ll_publish pub;
	struct ll_shard sh;
	const char *arg, *dialect = NULL, *name = NULL, *table = NULL;
	const char *stage = NULL, *from = NULL, *s3opt = NULL;
	const char *baseopt = "--location";
	long long rowgroup;
	char *names;
	int flatten = 0, fmt_given = 0, list = 0, codec_given = 0, level = 0;
	size_t i;
	int ch;

	ll_init(argv[0]);
	memset(&st, 0, sizeof(st));
	memset(&po, 0, sizeof(po));
	memset(&pub, 0, sizeof(pub));
	pub.eo.jobs = 16;
	pub.eo.retries = 5;
	pub.eo.backoff_ms = 200;
	pub.eo.timeout_s = 30;
	pub.partsize = 64LL << 20;
	po.target = 128LL << 20;
	po.maxopen = 16;
	ll_parquet_defaults(&po.pq);
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'A':
			po.all = 1;
			break;
		case 'B':
			pub.eo.backoff_ms = (long)ll_opt_num("--backoff", arg, 1,
			    600000);
			s3opt = "--backoff";
			break;
		case 'D':
			stage = nonempty("--stage", arg);
			s3opt = "--stage";
			break;
		case 'j':
			pub.eo.jobs = (int)ll_opt_num("--jobs", arg, 1, 1024);
			s3opt = "--jobs";
			break;
		case 'v':
			pub.eo.verbose = 1;
			s3opt = "--verbose";
			break;
		case 'W':
			pub.eo.timeout_s = (long)ll_opt_num("--timeout", arg, 1,
			    3600);
			s3opt = "--timeout";
			break;
		case 'X':
			pub.partsize = ll_opt_size("--multipart", arg);
			if (pub.partsize < LL_UPLOAD_MINPART)
				errx(LL_EXIT_USAGE, "--multipart: %s: S3's "
				    "parts are 5M at least", arg);
			s3opt = "--multipart";
			break;
		case 'Y':
			if (!ll_isotime_day_valid(arg, strlen(arg)) ||
			    strlen(arg) != 10)
				errx(LL_EXIT_USAGE, "--projection: %s: not a "
				    "day (YYYY-MM-DD)", arg);
			from = arg;
			break;
		case 'b':
			rowgroup = ll_opt_size("--row-group", arg);
			if (rowgroup < 1)
				errx(LL_EXIT_USAGE, "--row-group: %s: too "
				    "small", arg);
			po.pq.rowgroup = (size_t)rowgroup;
			break;
		case 'c':
			codec_given = 1;
			if (strcmp(arg, "gzip") == 0)
				po.pq.codec = LL_PQ_GZIP;
			else if (strcmp(arg, "zstd") == 0)
				po.pq.codec = LL_PQ_ZSTD;
			else
				errx(LL_EXIT_USAGE, "--codec: %s: expected "
				    "gzip or zstd", arg);
			break;
		case 'd':
			dialect = arg;
			break;
		case OPT_ENCODERS:
			po.pq.threads = (int)ll_opt_num("--encoders", arg, 1,
			    2);
			break;
		case 'F':
			flatten = 1;
			break;
		case OPT_SOURCES:
			list = 1;
			break;
		case 'f':
			fmt_given = 1;
			if (strcmp(arg, "parquet") == 0)
				st.fmt = LL_FMT_PARQUET;
			else if (strcmp(arg, "json") == 0)
				st.fmt = LL_FMT_JSON;
			else
				errx(LL_EXIT_USAGE, "--format: %s: expected "
				    "parquet or json", arg);
			break;
		case 'k':
			st.key = arg;
			break;
		case 'L':
			po.base = nonempty("--location", arg);
			break;
		case 'N':
			po.maxopen = (size_t)ll_opt_num("--max-open", arg, 1,
			    100000);
			break;
		case 'n':
			name = arg;
			break;
		case 'o':
			po.out = nonempty("--output", arg);
			break;
		case 'p':
			parse_pkeys(&st, arg);
			break;
		case 's':
			po.target = ll_opt_size("--size", arg);
			if (po.target < 1)
				errx(LL_EXIT_USAGE, "--size: %s: too small",
				    arg);
			break;
		case 'T':
			table = arg;
			break;
		case 'z':
			level = (int)ll_opt_num("--level", arg, 1, 19);
			break;
		case OPT_SHARD:
			ll_shard_parse(&sh, "--shard", arg);
			free(ll_partkeys_tag);
			ll_partkeys_tag = xasprintf("s%luof%lu-", sh.index,
			    sh.count);
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	argc -= optind;
	argv += optind;
	if (list) {
		if (argc > 0 || table != NULL || dialect != NULL ||
		    po.out != NULL)
			ll_opt_usage(&cmd);
		sources();
		return ll_finish();
	}
	names = ll_source_names();
	if (table == NULL)
		errx(LL_EXIT_USAGE, "--table (-T) is required: %s", names);
	if (dialect == NULL && po.out == NULL)
		errx(LL_EXIT_USAGE, "--output (-o) is required, or --ddl (-d)");
	if (dialect != NULL && argc > 0)
		ll_opt_usage(&cmd);
	if (from != NULL && dialect == NULL)
		errx(LL_EXIT_USAGE, "--projection goes with --ddl athena");
	st.t = ll_schema_table(table);
	if (st.t == NULL || (st.t->joined && dialect == NULL))
		errx(LL_EXIT_USAGE, "--table: %s: expected %s%s", table, names,
		    dialect == NULL ? "" : ", or session_review");
	free(names);
	if (st.t->joined) {
		/* ll-pipeline writes the session review as JSON lines. */
		if (fmt_given && st.fmt != LL_FMT_JSON)
			errx(LL_EXIT_USAGE, "--format: %s is json only", table);
		st.fmt = LL_FMT_JSON;
	}
	if (codec_given && st.fmt == LL_FMT_JSON)
		errx(LL_EXIT_USAGE, "--codec goes with --format parquet; JSON "
		    "lines files are gzip");
	set_level(&po.pq, level);
	if (st.npkeys == 0)
		parse_pkeys(&st, st.t->partition);
	if (st.key == NULL)
		st.key = st.t->key;
	if (ll_partkeys_tag != NULL && dialect != NULL)
		errx(LL_EXIT_USAGE, "--shard goes with --output");
	/*
	 * On S3 names stay part-HASH (publish.c): shards hold other keys,
	 * so other hashes, and each builds in a stage of its own.
	 */
	if (po.out != NULL && ll_publish_is_s3(po.out)) {
		free(ll_partkeys_tag);
		ll_partkeys_tag = NULL;
	}
	if (dialect == NULL && ll_publish_is_s3(po.out))
		setup_s3(&pub, &po, stage, st.t->name);
	else if (dialect == NULL && s3opt != NULL)
		errx(LL_EXIT_USAGE, "%s goes with --output s3://BUCKET/PREFIX/",
		    s3opt);
	if (po.base == NULL) {
		po.base = po.out;
		baseopt = "--output";
	}
	ll_pqrow_init(&st.pr, st.t, st.pkeys, st.npkeys);
	po.pq.sort = st.pr.sort;
	po.pq.nsort = st.pr.nsort;
	st.keycol = ll_pqrow_find(&st.pr, st.key);
	if (flatten)
		setup_flatten(&st);
	po.table = st.t->name;
	po.fmt = st.fmt;
	po.pr = &st.pr;
	if (dialect != NULL)
		ddl(&st, dialect, name, po.base, baseopt, from);
	else
		partition(&st, &po, argc, argv);
	for (i = 0; i < st.npkeys; i++)
		free(st.pkeys[i]);
	free(st.pkeys);
	free(st.pv);
	ll_jscan_free(&st.scan);
	ll_jbuf_free(&st.row);
	ll_jbuf_free(&st.rel);
	ll_pqrow_free(&st.pr);
	ll_flat_free(st.flat);
	free(st.pcol);
	free(ll_partkeys_tag);
	return ll_finish();
}
