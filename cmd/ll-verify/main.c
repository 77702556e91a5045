/*
 * ll-verify checks, offline, that the CloudTrail objects in a raw
 * store are the ones CloudTrail delivered, and that none is missing:
 * it verifies every digest's signature with the public keys of
 * "aws cloudtrail list-public-keys", walks each digest chain backwards,
 * compares each listed log file's SHA-256 with its content, and
 * compares the chains with the hourly cadence.  Each finding is one
 * NDJSON record on standard output; --objects writes every stored
 * object's status (validated, invalid or not-covered).  The manifests
 * ll-fetch wrote give the digests' signatures and the SHA-256 each
 * object had when it was stored.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/out.h"
#include "isotime.h"
#include "lake/s3key.h"
#include "ll.h"
#include "manifest.h"
#include "object.h"
#include "opt.h"
#include "report.h"
#include "verify.h"
#include "xalloc.h"

static const struct option longopts[] = {
	{ "max-digest",		required_argument,	NULL,	'd' },
	{ "from",		required_argument,	NULL,	'f' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "keys",		required_argument,	NULL,	'k' },
	{ "max-record-bytes",	required_argument,	NULL,	'M' },
	{ "objects",		required_argument,	NULL,	'o' },
	{ "quiet",		no_argument,		NULL,	'q' },
	{ "reject",		required_argument,	NULL,	'r' },
	{ "stats",		required_argument,	NULL,	'S' },
	{ "store",		required_argument,	NULL,	's' },
	{ "until",		required_argument,	NULL,	't' },
	{ "unbuffered",		no_argument,		NULL,	'u' },
	{ "version",		no_argument,		NULL,	'V' },
	{ NULL,			0,			NULL,	0 }
};

static __dead void
usage(FILE *fp, int code)
{
	fprintf(fp, "usage: ll-verify -s store [-hquV] [-d size] [-f time] "
	    "[-k file] [-M size] [-o file]\n"
	    "                 [-r file] [-S file] [-t time] [manifest ...]\n");
	exit(code);
}

static int64_t
timearg(const char *opt, const char *s)
{
	int64_t ms;

	if (ll_isotime_parse(s, strlen(s), &ms) == -1)
		errx(LL_EXIT_USAGE, "%s: %s: expected a day or an ISO-8601 "
		    "time such as 2026-03-01T10:00:00Z", opt, s);
	return ms / 1000;
}

static int
idcmp(const void *a, const void *b)
{
	return strcmp((*(struct ll_mrec *const *)a)->id,
	    (*(struct ll_mrec *const *)b)->id);
}

/*
 * Objects the manifest says were stored, inside the part of the store
 * scanned, that the scan did not find.
 */
static void
objects_missing(struct ll_run *r)
{
	struct ll_finding f = { "object_missing", NULL, NULL, NULL, NULL };
	struct ll_where w;
	struct ll_s3key k;
	struct ll_mrec *m, **v = NULL;
	char from[11], *slash;
	size_t i = 0, n = 0;

	ll_isotime_day(r->from * 1000, from);
	while ((m = ll_manifest_next(&r->man, &i)) != NULL)
		if (!m->seen) {
			v = xreallocarray(v, n + 1, sizeof(*v));
			v[n++] = m;
		}
	if (n > 0)
		qsort(v, n, sizeof(*v), idcmp);
	for (i = 0; i < n; i++) {
		m = v[i];
		if ((slash = strchr(m->id, '/')) == NULL)
			continue;
		ll_s3key_parse(slash + 1, strlen(slash + 1), &k);
		if (r->have_from && (k.day[0] == '\0' ||
		    strcmp(k.day, from) < 0))
			continue;
		*slash = '\0';
		w.bucket = m->id;
		w.org = k.org[0] != '\0' ? k.org : NULL;
		w.account = k.account[0] != '\0' ? k.account : NULL;
		w.region = k.region[0] != '\0' ? k.region : NULL;
		w.trail = NULL;
		f.key = slash + 1;
		f.expected = m->sha[0] != '\0' ? m->sha : NULL;
		ll_report_finding(&w, &f, "the manifest records it as stored, "
		    "and it is not in the store");
		*slash = '/';
	}
	free(v);
}

int
main(int argc, char *argv[])
{
	struct ll_run r;
	const char **keyfiles = NULL, *objects = NULL;
	size_t nkeys = 0, maxrec = 64 << 20, n;
	int ch, i, quiet = 0;
	char *store = NULL;

	ll_init(argv[0]);
	memset(&r, 0, sizeof(r));
	r.max_digest = 64 << 20;
	while ((ch = getopt_long(argc, argv, "d:f:hk:M:o:qr:S:s:t:uV",
	    longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			r.max_digest = (size_t)ll_opt_size("--max-digest",
			    optarg);
			break;
		case 'f':
			r.from = timearg("--from", optarg);
			r.have_from = 1;
			break;
		case 'h':
			usage(stdout, LL_EXIT_OK);
			/* NOTREACHED */
		case 'k':
			keyfiles = xreallocarray(keyfiles, nkeys + 1,
			    sizeof(*keyfiles));
			keyfiles[nkeys++] = optarg;
			break;
		case 'M':
			maxrec = (size_t)ll_opt_size("--max-record-bytes",
			    optarg);
			break;
		case 'o':
			objects = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'r':
			ll_reject_open(optarg);
			break;
		case 'S':
			ll_stats_set_path(optarg);
			break;
		case 's':
			free(store);
			store = xstrdup(optarg);
			break;
		case 't':
			r.until = timearg("--until", optarg);
			r.have_until = 1;
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
	if (store == NULL)
		usage(stderr, LL_EXIT_USAGE);
	if (r.have_from && r.have_until && r.from > r.until)
		errx(LL_EXIT_USAGE, "--from is after --until");
	/* As ll-fetch names stored files: STORE/BUCKET/KEY. */
	for (n = strlen(store); n > 1 && store[n - 1] == '/'; n--)
		store[n - 1] = '\0';
	r.store = store;
	ll_manifest_init(&r.man, store);
	for (n = 0; n < nkeys; n++)
		ll_keys_load(&r.keys, keyfiles[n]);
	ll_stats_add("public_keys", r.keys.n);
	for (i = 0; i < argc; i++)
		ll_manifest_read(&r.man, argv[i], maxrec);
	if (objects != NULL)
		ll_report_objects(objects);
	ll_scan_store(&r);
	ll_trail_ends(&r);
	objects_missing(&r);
	ll_report_end(quiet);
	ll_manifest_free(&r.man);
	ll_keys_free(&r.keys);
	ll_object_done();
	free(keyfiles);
	free(store);
	return ll_finish();
}
