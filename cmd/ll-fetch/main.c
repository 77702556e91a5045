/*
 * ll-fetch procures raw objects from S3 buckets and local directories.
 * With --list it writes one listing record per object: its URL,
 * bucket, key, size, ETag and last-modified time, and what the key
 * tells (kind, organization, account, region, day, hour).  With --get
 * it reads listing records and stores each object write-once under
 * STORE/BUCKET/KEY, writing one manifest record per object; with --cat
 * it writes the objects' bytes to standard output in input order.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "aws/engine.h"
#include "aws/s3.h"
#include "aws/upload.h"
#include "fetch.h"
#include "io/input.h"
#include "io/out.h"
#include "io/reader.h"
#include "json/json.h"
#include "lake/shard.h"
#include "ledger.h"
#include "listing.h"
#include "ll.h"
#include "opt.h"
#include "progress.h"
#include "s3store.h"
#include "store.h"
#include "walk.h"
#include "window.h"
#include "xalloc.h"

enum { OPT_SHARD = LL_OPT_LONG, OPT_SHARDS };

static const struct ll_opt opts[] = {
	{ 'a', "start-after", "KEY", "--list: begin after KEY", 0 },
	{ 'B', "backoff", "MS", "first retry waits about MS (default 200)",
	    0 },
	{ 'C', "cat", NULL, "write the objects' bytes to standard output",
	    'c' },
	{ 'd', "settle", "DAYS", "--list: reach DAYS past --to (default 1)",
	    0 },
	{ 'F', "failures", "FILE", "write listing records that failed to FILE",
	    0 },
	{ 'f', "from", "DAY", "--list: objects from DAY (YYYY-MM-DD)", 0 },
	{ 'j', "jobs", "N", "N transfers at once (default 16)", 0 },
	{ 'l', "list", NULL, "list the objects of each source as NDJSON", 0 },
	{ 'n', "retries", "N", "retry a failed request N times (default 5)",
	    0 },
	{ 'O', "get", NULL, "store the objects write-once under --store",
	    'g' },
	{ 'P', "progress", NULL, "show progress even when not on a terminal",
	    0 },
	{ 'Q', "rate", "N", "at most N requests a second (default: no cap)",
	    'R' },
	{ 'q', "quiet", NULL, "no progress line", 0 },
	{ 's', "store", "DIR", "--get: the raw store (a folder, or s3://)",
	    0 },
	{ 't', "to", "DAY", "--list: objects up to DAY (default today)", 0 },
	{ 'U', "no-sign-request", NULL, "send requests unsigned (public "
	    "buckets)", 0 },
	{ 'v', "verbose", NULL, "log each request and retry on stderr", 0 },
	{ 'W', "timeout", "SECS", "give up a stalled request after SECS "
	    "(default 30)", 'T' },
	{ 'X', "multipart", "SIZE", "--get to s3://: parts over SIZE "
	    "(default 64M)", 0 },
	{ OPT_SHARD, "shard", "INDEX/COUNT", "--list: only this shard's "
	    "objects", 0 },
	{ OPT_SHARDS, "shards", "COUNT", "--list: the shard count for an "
	    "engine's index", 0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-fetch -l [-PqUuv] [-a key] [-B ms] [-d days] "
	    "[-f date] [-j jobs]\n"
	    "                [-n retries] [-Q rate] [-S file] [-t date] "
	    "[-W secs]\n"
	    "                [--shard index/count] [--shards count] "
	    "source ...\n"
	    "       ll-fetch -O -s store [-PqUuv] [-B ms] [-F file] "
	    "[-j jobs] [-n retries]\n"
	    "                [-Q rate] [-r file] [-S file] [-W secs] "
	    "[-X size] [file ...]\n"
	    "       ll-fetch -C [-PqUuv] [-B ms] [-F file] [-j jobs] "
	    "[-n retries] [-Q rate]\n"
	    "                [-r file] [-S file] [-W secs] [file ...]",
	"List S3 buckets or local folders, store objects write-once, or "
	    "stream them.",
	"rSu", opts,
	"  ll-fetch -l -f 2026-03-01 -t 2026-03-01 s3://trail-bucket/AWSLogs/ "
	    "|\n    ll-fetch -O -s raw >manifest.ndjson"
};

static struct {
	int		 mode;		/* 'l', 'g' (get) or 'c' (cat) */
	struct ll_engine_opts eo;
	struct ll_s3conf conf;
	struct ll_engine *engine;
	struct ll_store	 store;
	struct ll_s3store s3store;
	struct ll_progress prog;
	struct ll_fetch	 f;
	struct ll_shard	 shard;		/* --list: which objects are ours */
	uintmax_t	 othershard;	/* objects left to other shards */
	char		**names;	/* input names, kept for messages */
	size_t		 nnames;
} g;

/* As curl does for cron: standard descriptors that are closed. */
static void
checkfds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			err(LL_EXIT_IO, "/dev/null");
}

/* --list: one listing record per object. */
static void
listed(void *arg, const struct ll_walk_obj *o)
{
	(void)arg;
	if (!ll_shard_mine(&g.shard, o->key, o->keylen)) {
		g.othershard++;
		return;
	}
	if (ll_listing_emit(o) == 0)
		ll_progress_show(&g.prog, 0);
}

static void
run_list(struct ll_walk *w, int argc, char *argv[])
{
	char *bucket, *prefix;
	int i;

	for (i = 0; i < argc; i++) {
		if (ll_s3_split(argv[i], &bucket, &prefix) == 0) {
			if (!ll_s3_bucket_ok(bucket))
				errx(LL_EXIT_USAGE, "%s: not a valid bucket "
				    "name", argv[i]);
			ll_walk_s3(w, bucket, prefix);
			free(bucket);
			free(prefix);
		} else if (strncmp(argv[i], "s3://", 5) == 0)
			errx(LL_EXIT_USAGE, "%s: no bucket", argv[i]);
		else
			ll_walk_local(w, strncmp(argv[i], "file://", 7) == 0 ?
			    argv[i] + 7 : argv[i]);
		while (ll_engine_load(g.engine) > 0) {
			ll_engine_step(g.engine, NULL, 0, 500);
			ll_progress_show(&g.prog, 0);
		}
	}
	ll_progress_show(&g.prog, 1);
}

/* --get: decides whether to fetch, then starts the fetch. */
static void
start_get(struct ll_fetch_obj *o)
{
	struct ll_listing *l = &o->l;
	enum ll_presence pres;
	const char *why;
	char msg[300];

	if (l->keylen > 0 && l->key[l->keylen - 1] == '/' && l->size == 0) {
		ll_fetch_end(o, LL_O_FOLDER, NULL);
		return;
	}
	if ((why = ll_store_unsafe(l->bucket, l->key, l->keylen)) != NULL) {
		ll_fetch_end(o, LL_O_UNSAFE, why);
		return;
	}
	if (g.f.s3store != NULL) {
		ll_s3store_get(g.f.s3store, o);
		return;
	}
	o->path = ll_store_path(&g.store, l->bucket, l->key);
	pres = ll_store_check(&g.store, o->path, l->size, l->etag,
	    o->body.sha, msg, sizeof(msg));
	switch (pres) {
	case LL_SAME:
		ll_fetch_end(o, LL_O_PRESENT, NULL);
		return;
	case LL_DIFFERENT:
		ll_fetch_end(o, LL_O_CONFLICT, msg);
		return;
	case LL_LINK:
		ll_fetch_end(o, LL_O_LOCAL, msg);
		return;
	case LL_PERROR:
		snprintf(msg, sizeof(msg), "%s: %s", o->path, strerror(errno));
		ll_fetch_end(o, LL_O_LOCAL, msg);
		return;
	default:
		break;
	}
	ll_fetch_start(o, pres);
}

static void
record(const char *file, uintmax_t lineno, const char *line, size_t len)
{
	json_error_t jerr;
	struct ll_fetch_obj *o;
	const char *why;
	json_t *j;
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			break;
	if (i == len)
		return;
	if ((j = ll_json_parse(line, len, &jerr)) == NULL ||
	    !json_is_object(j)) {
		if (j == NULL)
			ll_warnx_at(file, lineno, "invalid JSON: %s",
			    jerr.text);
		else
			ll_warnx_at(file, lineno, "not a JSON object");
		ll_reject(LL_R_INVALID_JSON, line, len);
		json_decref(j);
		return;
	}
	o = ll_fetch_new(&g.f, file, lineno, line, len);
	why = ll_listing_read(&o->l, j, g.mode == 'g');
	json_decref(j);
	if (why != NULL)
		ll_fetch_bad(o, LL_O_BAD, why);
	else if ((why = ll_listing_verbatim(&o->l)) != NULL)
		ll_fetch_bad(o, LL_O_VERBATIM, why);
	else if (g.mode == 'g')
		start_get(o);
	else
		ll_fetch_start(o, LL_ABSENT);
}

/*
 * Reads listing records one at a time while the window of objects in
 * flight has room.  While transfers run, standard input is read only
 * when poll says it is ready, so a slow producer upstream never
 * stalls them.
 */
static void
read_input(const char *path)
{
	struct ll_input *in;
	struct ll_reader rd;
	const char *name, *line;
	size_t len;
	unsigned window = (unsigned)g.eo.jobs * 4;
	int fd, r;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	g.names = xreallocarray(g.names, g.nnames + 1, sizeof(*g.names));
	name = g.names[g.nnames++] = xstrdup(ll_input_name(in));
	fd = strcmp(path, "-") == 0 ? STDIN_FILENO : -1;
	ll_reader_init(&rd, in, 0);
	for (;;) {
		if ((r = ll_reader_try(&rd, &line, &len, 0)) == -1) {
			if (fd != -1 && g.f.inflight > 0 &&
			    !ll_fetch_turn(&g.f, fd))
				continue;
			if ((r = ll_reader_try(&rd, &line, &len, 1)) == -1)
				continue;
		}
		if (r == 0)
			break;
		while (g.f.inflight >= window)
			ll_fetch_turn(&g.f, -1);
		record(name, rd.line, line, len);
	}
	ll_reader_free(&rd);
	ll_input_close(in);
}

/* Listing records in PATH, a regular file; 0 when it is not one. */
static uintmax_t
count_records(const char *path)
{
	struct ll_input *in;
	struct stat st;
	char buf[65536];
	ssize_t n, i;
	uintmax_t lines = 0;
	char last = '\n';

	if (strcmp(path, "-") == 0 || stat(path, &st) == -1 ||
	    !S_ISREG(st.st_mode) || (in = ll_input_open(path)) == NULL)
		return 0;
	while ((n = ll_input_read(in, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			lines += buf[i] == '\n';
		last = buf[n - 1];
	}
	ll_input_close(in);
	return lines + (last != '\n');
}

/* The progress line's total, when every input can be counted first. */
static void
count_inputs(int argc, char *argv[])
{
	uintmax_t n, total = 0;
	int i;

	for (i = 0; i < argc; i++) {
		if ((n = count_records(argv[i])) == 0)
			return;
		total += n;
	}
	g.prog.expected = total;
}

static void
run_fetch(const char *failpath, int argc, char *argv[])
{
	int i;

	if (g.prog.on)
		count_inputs(argc, argv);

	g.f.engine = g.engine;
	g.f.conf = &g.conf;
	if (g.f.s3store == NULL)
		g.f.store = g.mode == 'g' ? &g.store : NULL;
	g.f.prog = &g.prog;
	ll_fetch_open(&g.f, failpath);
	if (argc == 0)
		read_input("-");
	for (i = 0; i < argc; i++)
		read_input(argv[i]);
	ll_fetch_close(&g.f);
	ll_progress_summary(&g.prog, failpath);
	while (g.nnames > 0)
		free(g.names[--g.nnames]);
	free(g.names);
}

int
main(int argc, char *argv[])
{
	struct ll_walk w;
	const char *arg, *storepath = NULL, *failpath = NULL;
	const char *shard = NULL, *shards = NULL;
	long long partsize = 64LL << 20, copypart = LL_UPLOAD_MAXCOPY;
	long settle_days = 1;
	int ch, mode, quiet = 0, forceprog = 0, hasto = 0;
	int credflags = LL_CREDS_MAY_UNSIGN;

	checkfds();
	ll_init(argv[0]);
	signal(SIGPIPE, SIG_IGN);
	memset(&w, 0, sizeof(w));
	g.eo.jobs = 16;
	g.eo.retries = 5;
	g.eo.backoff_ms = 200;
	g.eo.timeout_s = 30;
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'a':
			w.start_after = arg;
			break;
		case 'B':
			g.eo.backoff_ms = (long)ll_opt_num("--backoff", arg, 1,
			    600000);
			break;
		case 'C':
		case 'O':
		case 'l':
			mode = ch == 'C' ? 'c' : ch == 'O' ? 'g' : 'l';
			if (g.mode != 0 && g.mode != mode)
				ll_opt_usage(&cmd);
			g.mode = mode;
			break;
		case 'd':
			settle_days = (long)ll_opt_num("--settle", arg, 0, 31);
			break;
		case 'F':
			failpath = arg;
			break;
		case 'f':
			w.from = ll_window_day("--from", arg);
			w.window = 1;
			break;
		case 'j':
			g.eo.jobs = (int)ll_opt_num("--jobs", arg, 1, 1024);
			break;
		case 'n':
			g.eo.retries = (int)ll_opt_num("--retries", arg, 0,
			    100);
			break;
		case 'P':
			forceprog = 1;
			break;
		case 'Q':
			g.eo.rate = (double)ll_opt_num("--rate", arg, 0,
			    1000000);
			break;
		case 'q':
			quiet = 1;
			break;
		case 's':
			storepath = arg;
			break;
		case 't':
			w.to = ll_window_day("--to", arg);
			hasto = 1;
			break;
		case 'U':
			credflags |= LL_CREDS_UNSIGNED;
			break;
		case 'v':
			g.eo.verbose = 1;
			credflags |= LL_CREDS_VERBOSE;
			break;
		case 'W':
			g.eo.timeout_s = (long)ll_opt_num("--timeout", arg, 1,
			    3600);
			break;
		case 'X':
			partsize = copypart = ll_opt_size("--multipart", arg);
			if (partsize < LL_UPLOAD_MINPART)
				errx(LL_EXIT_USAGE, "--multipart: %s: S3's "
				    "parts are 5M at least", arg);
			break;
		case OPT_SHARD:
			shard = arg;
			break;
		case OPT_SHARDS:
			shards = arg;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	argc -= optind;
	argv += optind;
	if (g.mode == 0)
		errx(LL_EXIT_USAGE, "one of --list (-l), --get (-O) or "
		    "--cat (-C) is required");
	if (g.mode == 'l' && argc == 0)
		errx(LL_EXIT_USAGE, "--list needs a source (s3://BUCKET/PREFIX "
		    "or a folder)");
	if ((g.mode == 'g') != (storepath != NULL))
		errx(LL_EXIT_USAGE, g.mode == 'g' ? "--get needs --store (-s)" :
		    "--store goes with --get");
	if (g.mode != 'l' && (w.window || hasto || w.start_after != NULL))
		errx(LL_EXIT_USAGE, "--from, --to and --start-after go with "
		    "--list");
	if (partsize != 64LL << 20 && (g.mode != 'g' ||
	    !ll_s3store_is(storepath)))
		errx(LL_EXIT_USAGE, "--multipart goes with --get into "
		    "s3://BUCKET/PREFIX/");
	if (g.mode == 'l' && failpath != NULL)
		errx(LL_EXIT_USAGE, "--failures goes with --get or --cat");
	if (g.mode != 'l' && (shard != NULL || shards != NULL))
		errx(LL_EXIT_USAGE, "--shard and --shards go with --list");
	if (g.mode == 'l')
		ll_shard_resolve(&g.shard, shard, shards);
	ll_window_close(&w, hasto, settle_days);
	ll_progress_init(&g.prog, !quiet && (forceprog ||
	    isatty(STDERR_FILENO)), g.mode == 'l');
	ll_s3_conf_init(&g.conf, credflags);
	g.engine = ll_engine_new(&g.eo, &g.conf);
	if (g.mode == 'l') {
		w.engine = g.engine;
		w.conf = &g.conf;
		w.emit = listed;
		run_list(&w, argc, argv);
		ll_stats_add("list_requests", w.requests);
		ll_stats_add("outside_window", w.outside);
		if (g.shard.count > 1) {
			ll_stats_add("shard_index", g.shard.index);
			ll_stats_add("shard_count", g.shard.count);
			ll_stats_add("other_shards", g.othershard);
		}
	} else {
		if (g.mode == 'g' && ll_s3store_is(storepath)) {
			ll_s3store_open(&g.s3store, storepath, g.engine,
			    &g.conf, partsize, copypart);
			g.f.s3store = &g.s3store;
		} else if (g.mode == 'g')
			ll_store_open(&g.store, storepath);
		run_fetch(failpath, argc, argv);
		if (g.f.s3store != NULL)
			ll_s3store_close(&g.s3store);
		else
			ll_store_close(&g.store);
	}
	ll_engine_free(g.engine);
	ll_s3_conf_free(&g.conf);
	return ll_finish();
}
