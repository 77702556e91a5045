/*
 * ll-fetch procures raw objects from S3 buckets and local directories.
 * With --list it writes one listing record per object: its URL,
 * bucket, key, size, ETag and last-modified time, and what the key
 * tells (kind, organization, account, region, day, hour).  With --get
 * it reads listing records and stores each object write-once under
 * STORE/BUCKET/KEY, writing one manifest record per object; with --cat
 * it writes the objects' bytes to standard output in input order.
 */
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
#include "fetch.h"
#include "io/input.h"
#include "io/out.h"
#include "io/reader.h"
#include "json/json.h"
#include "ledger.h"
#include "listing.h"
#include "ll.h"
#include "opt.h"
#include "progress.h"
#include "store.h"
#include "walk.h"
#include "window.h"
#include "xalloc.h"

static const struct option longopts[] = {
	{ "start-after",	required_argument,	NULL,	'a' },
	{ "backoff",		required_argument,	NULL,	'B' },
	{ "cat",		no_argument,		NULL,	'c' },
	{ "settle",		required_argument,	NULL,	'd' },
	{ "failures",		required_argument,	NULL,	'F' },
	{ "from",		required_argument,	NULL,	'f' },
	{ "get",		no_argument,		NULL,	'g' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "jobs",		required_argument,	NULL,	'j' },
	{ "list",		no_argument,		NULL,	'l' },
	{ "retries",		required_argument,	NULL,	'n' },
	{ "progress",		no_argument,		NULL,	'P' },
	{ "quiet",		no_argument,		NULL,	'q' },
	{ "rate",		required_argument,	NULL,	'R' },
	{ "reject",		required_argument,	NULL,	'r' },
	{ "stats",		required_argument,	NULL,	'S' },
	{ "store",		required_argument,	NULL,	's' },
	{ "timeout",		required_argument,	NULL,	'T' },
	{ "to",			required_argument,	NULL,	't' },
	{ "no-sign-request",	no_argument,		NULL,	'U' },
	{ "unbuffered",		no_argument,		NULL,	'u' },
	{ "version",		no_argument,		NULL,	'V' },
	{ "verbose",		no_argument,		NULL,	'v' },
	{ NULL,			0,			NULL,	0 }
};

static struct {
	int		 mode;		/* 'l', 'g' or 'c' */
	struct ll_engine_opts eo;
	struct ll_s3conf conf;
	struct ll_engine *engine;
	struct ll_store	 store;
	struct ll_progress prog;
	struct ll_fetch	 f;
	char		**names;	/* input names, kept for messages */
	size_t		 nnames;
} g;

static __dead void
usage(FILE *fp, int code)
{
	fprintf(fp,
	    "usage: ll-fetch -l [-PqUuv] [-a key] [-B ms] [-d days] "
	    "[-f date] [-j jobs]\n"
	    "                [-n retries] [-R rate] [-S file] [-T secs] "
	    "[-t date] source ...\n"
	    "       ll-fetch -g -s store [-PqUuv] [-B ms] [-F file] "
	    "[-j jobs] [-n retries]\n"
	    "                [-R rate] [-r file] [-S file] [-T secs] "
	    "[file ...]\n"
	    "       ll-fetch -c [-PqUuv] [-B ms] [-F file] [-j jobs] "
	    "[-n retries] [-R rate]\n"
	    "                [-r file] [-S file] [-T secs] [file ...]\n");
	exit(code);
}

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
	o->path = ll_store_path(&g.store, l->bucket, l->key);
	pres = ll_store_check(o->path, l->size, l->etag, o->body.sha, msg,
	    sizeof(msg));
	switch (pres) {
	case LL_SAME:
		ll_fetch_end(o, LL_O_PRESENT, NULL);
		return;
	case LL_DIFFERENT:
		ll_fetch_end(o, LL_O_CONFLICT, msg);
		return;
	case LL_PERROR:
		snprintf(msg, sizeof(msg), "%s: %s", o->path, strerror(errno));
		ll_fail(LL_EXIT_IO);
		ll_fetch_end(o, LL_O_FAILED, msg);
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
		ll_reject("invalid_json", line, len);
		json_decref(j);
		return;
	}
	o = ll_fetch_new(&g.f, file, lineno, line, len);
	why = ll_listing_read(&o->l, j, g.mode == 'g');
	json_decref(j);
	if (why != NULL)
		ll_fetch_bad(o, why);
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

static void
run_fetch(const char *failpath, int argc, char *argv[])
{
	int i;

	g.f.engine = g.engine;
	g.f.conf = &g.conf;
	g.f.store = g.mode == 'g' ? &g.store : NULL;
	g.f.prog = &g.prog;
	ll_fetch_open(&g.f, failpath);
	if (argc == 0)
		read_input("-");
	for (i = 0; i < argc; i++)
		read_input(argv[i]);
	ll_fetch_close(&g.f);
	while (g.nnames > 0)
		free(g.names[--g.nnames]);
	free(g.names);
}

int
main(int argc, char *argv[])
{
	struct ll_walk w;
	const char *storepath = NULL, *failpath = NULL;
	long settle_days = 1;
	int ch, quiet = 0, forceprog = 0, hasto = 0;
	int credflags = LL_CREDS_MAY_UNSIGN;

	checkfds();
	ll_init(argv[0]);
	signal(SIGPIPE, SIG_IGN);
	memset(&w, 0, sizeof(w));
	g.eo.jobs = 16;
	g.eo.retries = 5;
	g.eo.backoff_ms = 200;
	g.eo.timeout_s = 30;
	while ((ch = getopt_long(argc, argv, "a:B:cd:F:f:ghj:lPqR:r:S:s:T:"
	    "t:n:UuVv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			w.start_after = optarg;
			break;
		case 'B':
			g.eo.backoff_ms = (long)ll_opt_num("--backoff",
			    optarg, 1, 600000);
			break;
		case 'c':
		case 'g':
		case 'l':
			if (g.mode != 0 && g.mode != ch)
				usage(stderr, LL_EXIT_USAGE);
			g.mode = ch;
			break;
		case 'd':
			settle_days = (long)ll_opt_num("--settle", optarg, 0,
			    31);
			break;
		case 'F':
			failpath = optarg;
			break;
		case 'f':
			w.from = ll_window_day("--from", optarg);
			w.window = 1;
			break;
		case 'h':
			usage(stdout, LL_EXIT_OK);
			/* NOTREACHED */
		case 'j':
			g.eo.jobs = (int)ll_opt_num("--jobs", optarg, 1,
			    1024);
			break;
		case 'n':
			g.eo.retries = (int)ll_opt_num("--retries", optarg, 0,
			    100);
			break;
		case 'P':
			forceprog = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'R':
			g.eo.rate = (double)ll_opt_num("--rate", optarg, 0,
			    1000000);
			break;
		case 'r':
			ll_reject_open(optarg);
			break;
		case 'S':
			ll_stats_set_path(optarg);
			break;
		case 's':
			storepath = optarg;
			break;
		case 'T':
			g.eo.timeout_s = (long)ll_opt_num("--timeout", optarg,
			    1, 3600);
			break;
		case 't':
			w.to = ll_window_day("--to", optarg);
			hasto = 1;
			break;
		case 'U':
			credflags |= LL_CREDS_UNSIGNED;
			break;
		case 'u':
			ll_out_unbuffered(1);
			break;
		case 'V':
			ll_version();
			/* NOTREACHED */
		case 'v':
			g.eo.verbose = 1;
			credflags |= LL_CREDS_VERBOSE;
			break;
		default:
			usage(stderr, LL_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (g.mode == 0 || (g.mode == 'l' && argc == 0) ||
	    (g.mode == 'g') != (storepath != NULL))
		usage(stderr, LL_EXIT_USAGE);
	if (g.mode != 'l' && (w.window || hasto || w.start_after != NULL))
		errx(LL_EXIT_USAGE, "--from, --to and --start-after go with "
		    "--list");
	if (g.mode == 'l' && failpath != NULL)
		errx(LL_EXIT_USAGE, "--failures goes with --get or --cat");
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
	} else {
		if (g.mode == 'g')
			ll_store_open(&g.store, storepath);
		run_fetch(failpath, argc, argv);
		ll_store_close(&g.store);
	}
	ll_engine_free(g.engine);
	ll_s3_conf_free(&g.conf);
	return ll_finish();
}
