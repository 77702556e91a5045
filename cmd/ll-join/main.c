/*
 * ll-join joins two NDJSON streams on a key: inner, left, full outer,
 * semi and anti joins.  The right input is held in memory grouped by
 * key (spilling to temporary files past --memory) and the left input
 * streams past it, so output follows the left input.  With --group
 * or --agg one output row is one left record with all its right
 * records, deduplicated and ordered: a whole session with its
 * transcript.  Invalid lines are reported, counted and rejected.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "groupcols.h"
#include "io/input.h"
#include "io/out.h"
#include "io/reader.h"
#include "join.h"
#include "joinkey.h"
#include "joinrow.h"
#include "json/json.h"
#include "json/path.h"
#include "ll.h"
#include "opt.h"
#include "xalloc.h"

enum type { INNER, LEFT, FULL, SEMI, ANTI };

struct paths {
	struct ll_path	*p;
	size_t		 n;
};

static struct {
	enum type	 type;
	struct paths	 lkey, rkey, order;
	struct ll_path	 dedupe;
	struct ll_groupcols gc;
	int		 grouped;	/* --group or --agg: a row per left */
	const char	*prefix;
	const char	*sep;
	size_t		 maxrec;
	struct ll_join	*j;
	struct ll_buf	 key, sort, dup, body, out;
	uint64_t	 lseq, rseq;
	uintmax_t	 lrecs, rrecs, matched, unmatched;
} o;

static const struct ll_opt opts[] = {
	{ '1', "left-key", "PATH", "the left record's key (with -2)", 0 },
	{ '2', "right-key", "PATH", "the right record's key (with -1)", 0 },
	{ 'a', "agg", "NAME=FUNC[:PATH]", "a grouped column: text, lines, "
	    "count, first, last", 0 },
	{ 'b', "memory", "SIZE", "hold up to SIZE, then spill (default 256M)",
	    0 },
	{ 'D', "tmpdir", "DIR", "spill files go in DIR (default $TMPDIR)",
	    'T' },
	{ 'd', "dedupe-right", "PATH", "drop right records repeating PATH",
	    0 },
	{ 'G', "group", "NAME", "group the right records into array NAME",
	    'g' },
	{ 'J', "type", "TYPE", "inner, left, full, semi or anti (default "
	    "inner)", 't' },
	{ 'k', "key", "PATH", "the key of both sides (repeatable)", 0 },
	{ 'o', "order", "PATH", "order each group's right records by PATH",
	    0 },
	{ 'p', "right-prefix", "PREFIX", "merge right fields under PREFIX",
	    0 },
	{ 's', "separator", "TEXT", "--agg text joins values with TEXT", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-join [-huV] [-1 path] [-2 path] "
	    "[-a name=func[:path]] [-b size]\n"
	    "               [-D dir] [-d path] [-G name] [-J type] [-k path] "
	    "[-M size]\n"
	    "               [-o path] [-p prefix] [-r file] [-S file] "
	    "[-s separator]\n"
	    "               left right",
	"Join two NDJSON streams on a key, with bounded memory.",
	"MSru", opts,
	"  ll-join -J left -k sessionid -a transcript=text:sessiondata \\\n"
	    "      starts.ndjson logs.ndjson"
};

static void
add_path(struct paths *ps, const char *opt, const char *arg)
{
	ps->p = xreallocarray(ps->p, ps->n + 1, sizeof(*ps->p));
	memset(&ps->p[ps->n], 0, sizeof(ps->p[ps->n]));
	ll_path_option(&ps->p[ps->n++], opt, arg);
}

/* Text that goes into JSON strings unchecked must be UTF-8. */
static void
check_utf8(const char *opt, const char *s)
{
	json_t *j;

	if ((j = json_string(s)) == NULL)
		errx(LL_EXIT_USAGE, "%s: not UTF-8 text", opt);
	json_decref(j);
}

static enum type
parse_type(const char *s)
{
	static const char *names[] = { "inner", "left", "full", "semi",
	    "anti" };
	size_t i;

	for (i = 0; i < 5; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum type)i;
	errx(LL_EXIT_USAGE, "--type: %s: expected inner, left, full, semi "
	    "or anti", s);
}

static json_t *
parse_line(struct ll_reader *rd, const char *line, size_t len)
{
	json_error_t jerr;
	json_t *rec;

	if ((rec = ll_json_parse(line, len, &jerr)) == NULL) {
		ll_warnx_at(rd->name, rd->line, "invalid JSON: %s",
		    jerr.text);
		ll_reject(LL_R_INVALID_JSON, line, len);
		return NULL;
	}
	if (!json_is_object(rec)) {
		ll_warnx_at(rd->name, rd->line, "not a JSON object");
		ll_reject(LL_R_NOT_OBJECT, line, len);
		json_decref(rec);
		return NULL;
	}
	return rec;
}

static void
add_right(struct ll_reader *rd, const char *line, size_t len)
{
	struct ll_join_rec r;
	const char *why;
	json_t *rec, *v;
	size_t i;

	if ((rec = parse_line(rd, line, len)) == NULL)
		return;
	o.rrecs++;
	if ((why = ll_joinkey_text(&o.key, rec, o.rkey.p, o.rkey.n)) != NULL)
		ll_count(*why == 'm' ? LL_R_RIGHT_KEY_MISSING : LL_R_RIGHT_KEY_NULL);
	memset(&r, 0, sizeof(r));
	r.seq = o.rseq++;
	r.key = why == NULL ? o.key.p : NULL;
	r.klen = why == NULL ? o.key.n : 0;
	if (o.type == SEMI || o.type == ANTI) {
		/* Only the key matters. */
		ll_join_right(o.j, &r);
		json_decref(rec);
		return;
	}
	o.sort.n = o.dup.n = 0;
	for (i = 0; i < o.order.n; i++)
		ll_join_sortkey(&o.sort, ll_path_get(&o.order.p[i], rec));
	if (o.dedupe.n > 0 && (v = ll_path_get(&o.dedupe, rec)) != NULL &&
	    !json_is_null(v))
		ll_buf_json(&o.dup, v);
	if (o.gc.project)
		ll_groupcols_project(&o.gc, rec, &o.body);
	r.sort = o.sort.p;
	r.slen = o.sort.n;
	r.dup = o.dup.p;
	r.dlen = o.dup.n;
	r.body = o.gc.project ? o.body.p : line;
	r.blen = o.gc.project ? o.body.n : len;
	ll_join_right(o.j, &r);
	json_decref(rec);
}

static void
add_left(struct ll_reader *rd, const char *line, size_t len)
{
	struct ll_join_rec r;
	const char *why;
	json_t *rec;

	if ((rec = parse_line(rd, line, len)) == NULL)
		return;
	o.lrecs++;
	if ((why = ll_joinkey_text(&o.key, rec, o.lkey.p, o.lkey.n)) != NULL)
		ll_count(*why == 'm' ? LL_R_LEFT_KEY_MISSING : LL_R_LEFT_KEY_NULL);
	memset(&r, 0, sizeof(r));
	r.seq = o.lseq++;
	r.key = why == NULL ? o.key.p : NULL;
	r.klen = why == NULL ? o.key.n : 0;
	r.body = line;
	r.blen = len;
	ll_join_left(o.j, &r, rec);
	json_decref(rec);
}

/* Writes LEFT with the fields of COLS added after its own. */
static void
emit_extended(const char *raw, size_t len, json_t *left, json_t *cols)
{
	ll_joinrow_extend(&o.out, raw, len, left, cols);
	ll_join_emit(o.j, o.out.p, o.out.n);
}

static void
probe(void *arg, const char *body, size_t len, void *parsed,
    struct ll_join_group *g)
{
	json_t *left = parsed, *right, *cols;
	size_t i;

	(void)arg;
	if (g != NULL)
		o.matched++;
	else
		o.unmatched++;
	/* First the rows that are the left record as it came, or none. */
	switch (o.type) {
	case SEMI:
	case ANTI:
		if ((g != NULL) == (o.type == SEMI))
			ll_join_emit(o.j, body, len);
		return;
	case INNER:
		if (g == NULL)
			return;
		break;
	default:
		if (g == NULL && !o.grouped) {
			ll_join_emit(o.j, body, len);
			return;
		}
	}
	if (left == NULL)
		left = ll_join_parse(body, len);
	if (o.grouped) {
		cols = ll_groupcols_make(&o.gc, g);
		emit_extended(body, len, left, cols);
		json_decref(cols);
	} else
		for (i = 0; i < g->n; i++) {
			right = ll_join_parse(ll_join_body(g->item[i]),
			    g->item[i]->blen);
			cols = ll_joinrow_right(left, right, o.prefix);
			emit_extended(body, len, left, cols);
			json_decref(cols);
			json_decref(right);
		}
	if (parsed == NULL)
		json_decref(left);
}

/* A right key no left record has: full joins still show it. */
static void
orphan(void *arg, struct ll_join_group *g)
{
	const struct ll_join_item *it = g->item[0];
	json_t *row, *key, *cols, *right;
	size_t i;

	(void)arg;
	if (!o.grouped) {
		for (i = 0; i < g->n; i++) {
			it = g->item[i];
			if (o.prefix == NULL) {
				ll_join_emit(o.j, ll_join_body(it), it->blen);
				continue;
			}
			right = ll_join_parse(ll_join_body(it), it->blen);
			cols = ll_joinrow_right(NULL, right, o.prefix);
			o.out.n = 0;
			ll_buf_json(&o.out, cols);
			ll_join_emit(o.j, o.out.p, o.out.n);
			json_decref(cols);
			json_decref(right);
		}
		return;
	}
	row = json_object();
	if (!it->nokey) {
		key = ll_join_parse(ll_join_key(it), it->klen);
		ll_joinkey_set(row, key, o.lkey.p, o.lkey.n);
		json_decref(key);
	}
	cols = ll_groupcols_make(&o.gc, g);
	json_object_update(row, cols);
	o.out.n = 0;
	ll_buf_json(&o.out, row);
	ll_join_emit(o.j, o.out.p, o.out.n);
	json_decref(cols);
	json_decref(row);
}

static struct ll_input *
open_input(const char *path)
{
	struct ll_input *in;

	if ((in = ll_input_open(path)) == NULL)
		err(LL_EXIT_IO, "%s", path);
	return in;
}

/* Lines without trailing blanks (CRLF input); blank ones are skipped. */
static void
read_input(struct ll_input *in, void (*add)(struct ll_reader *,
    const char *, size_t))
{
	struct ll_reader rd;
	const char *line;
	size_t len;

	ll_reader_init(&rd, in, o.maxrec);
	while (ll_reader_next(&rd, &line, &len)) {
		while (len > 0 && memchr(" \t\r", line[len - 1], 3) != NULL)
			len--;
		if (len > 0)
			add(&rd, line, len);
	}
	ll_reader_free(&rd);
	ll_input_close(in);
}

static void
free_paths(struct paths *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		ll_path_free(&ps->p[i]);
	free(ps->p);
}

static void
cleanup(void)
{
	free_paths(&o.lkey);
	free_paths(&o.rkey);
	free_paths(&o.order);
	ll_path_free(&o.dedupe);
	ll_groupcols_free(&o.gc);
	ll_buf_free(&o.key);
	ll_buf_free(&o.sort);
	ll_buf_free(&o.dup);
	ll_buf_free(&o.body);
	ll_buf_free(&o.out);
}

int
main(int argc, char *argv[])
{
	struct ll_join_ops ops = { probe, orphan, NULL };
	struct ll_input *left, *right;
	const char *arg, *tmpdir, *why;
	size_t memory = 256 << 20;
	int ch;

	ll_init(argv[0]);
	o.sep = "\n";
	if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case '1':
			add_path(&o.lkey, "--left-key", arg);
			break;
		case '2':
			add_path(&o.rkey, "--right-key", arg);
			break;
		case 'a':
			if (ll_groupcols_agg(&o.gc, arg, &why) == -1)
				errx(LL_EXIT_USAGE, "--agg: %s: %s", arg, why);
			break;
		case 'b':
			memory = (size_t)ll_opt_size("--memory", arg);
			break;
		case 'D':
			tmpdir = arg;
			break;
		case 'd':
			ll_path_option(&o.dedupe, "--dedupe-right", arg);
			break;
		case 'G':
			o.gc.group = arg;
			break;
		case 'J':
			o.type = parse_type(arg);
			break;
		case 'k':
			add_path(&o.lkey, "--key", arg);
			add_path(&o.rkey, "--key", arg);
			break;
		case 'o':
			add_path(&o.order, "--order", arg);
			break;
		case 'p':
			o.prefix = arg;
			break;
		case 's':
			o.sep = arg;
			check_utf8("--separator", arg);
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	o.maxrec = ll_opt_max_record;
	argc -= optind;
	argv += optind;
	if (argc != 2) {
		warnx("two inputs, LEFT and RIGHT, are needed; %d given",
		    argc);
		ll_opt_usage(&cmd);
	}
	if (strcmp(argv[0], "-") == 0 && strcmp(argv[1], "-") == 0)
		errx(LL_EXIT_USAGE, "only one input may be standard input");
	if (o.lkey.n == 0 || o.lkey.n != o.rkey.n)
		errx(LL_EXIT_USAGE, "give the key with -k, or as many -1 as "
		    "-2 paths");
	o.grouped = o.gc.group != NULL || o.gc.nagg > 0;
	if (o.grouped && (o.type == SEMI || o.type == ANTI || o.prefix != NULL))
		errx(LL_EXIT_USAGE, "--group and --agg do not go with semi "
		    "or anti joins or --right-prefix");
	ll_groupcols_ready(&o.gc, o.sep);
	left = open_input(argv[0]);
	right = open_input(argv[1]);
	o.j = ll_join_new(&ops, memory, tmpdir, o.type == FULL);
	read_input(right, add_right);
	read_input(left, add_left);
	ll_join_finish(o.j);
	ll_stats_add("left_records", o.lrecs);
	ll_stats_add("right_records", o.rrecs);
	ll_stats_add("left_matched", o.matched);
	ll_stats_add("left_unmatched", o.unmatched);
	cleanup();
	return ll_finish();
}
