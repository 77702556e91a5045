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

static const struct ll_opt opts[] = {
	{ 'f', "from", "TIME", "check the days from TIME (a day or ISO-8601) "
	    "on", 0 },
	{ 'k', "keys", "FILE", "public keys as list-public-keys prints them",
	    0 },
	{ 'o', "objects", "FILE", "write every stored object's status to FILE",
	    0 },
	{ 'q', "quiet", NULL, "no summary on standard error", 0 },
	{ 's', "store", "DIR", "the raw store, DIR/BUCKET/KEY", 0 },
	{ 't', "to", "TIME", "expect each chain's hourly digests up to TIME",
	    0 },
	{ 0, NULL, NULL, NULL, 0 }
};

static const struct ll_cmd cmd = {
	"usage: ll-verify -s store [-hquV] [-f time] [-k file] [-M size] "
	    "[-o file]\n"
	    "                 [-r file] [-S file] [-t time] [manifest ...]",
	"Validate CloudTrail digests, their chains and the log files they "
	    "list, offline.",
	"MSru", opts,
	"  ll-verify -s raw -k keys.json -f 2026-03-01 -o objects.ndjson "
	    "manifest.ndjson"
};

/* A digest is an hour of file names: megabytes at most. */
#define MAX_DIGEST	((size_t)64 << 20)

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
	const char **keyfiles = NULL, *objects = NULL, *arg;
	size_t nkeys = 0, n;
	int ch, i, quiet = 0;
	char *store = NULL;

	ll_init(argv[0]);
	memset(&r, 0, sizeof(r));
	r.max_digest = MAX_DIGEST;
	while ((ch = ll_opt_next(&cmd, argc, argv, &arg)) != -1) {
		switch (ch) {
		case 'f':
			r.from = timearg("--from", arg);
			r.have_from = 1;
			break;
		case 'k':
			keyfiles = xreallocarray(keyfiles, nkeys + 1,
			    sizeof(*keyfiles));
			keyfiles[nkeys++] = arg;
			break;
		case 'o':
			objects = arg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 's':
			free(store);
			store = xstrdup(arg);
			break;
		case 't':
			r.until = timearg("--to", arg);
			r.have_until = 1;
			break;
		default:
			ll_opt_usage(&cmd);
		}
	}
	argc -= optind;
	argv += optind;
	if (store == NULL)
		errx(LL_EXIT_USAGE, "--store (-s) is required");
	if (r.have_from && r.have_until && r.from > r.until)
		errx(LL_EXIT_USAGE, "--from is after --to");
	/* As ll-fetch names stored files: STORE/BUCKET/KEY. */
	for (n = strlen(store); n > 1 && store[n - 1] == '/'; n--)
		store[n - 1] = '\0';
	r.store = store;
	ll_manifest_init(&r.man, store);
	for (n = 0; n < nkeys; n++)
		ll_keys_load(&r.keys, keyfiles[n]);
	ll_stats_add("public_keys", r.keys.n);
	for (i = 0; i < argc; i++)
		ll_manifest_read(&r.man, argv[i], ll_opt_max_record);
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
