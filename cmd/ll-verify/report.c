/*
 * Findings, object statuses and counters.  A finding is a promise
 * broken: every one makes the exit status 1, and the summary and
 * --stats count them by type.  The --objects file is written beside
 * its target and renamed into place when the run ends.
 */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "io/afile.h"
#include "io/out.h"
#include "ll.h"
#include "report.h"
#include "xalloc.h"

static const char *const statusname[] = {
	[ST_VALIDATED] = "validated",
	[ST_INVALID] = "invalid",
	[ST_UNCOVERED] = "not-covered"
};
static const char *const kindname[] = {
	[K_DIGEST] = "cloudtrail-digest",
	[K_LOG] = "cloudtrail",
	[K_OTHER] = "other"
};

static uintmax_t count[K_NKINDS][3];
static uintmax_t nfindings;
static json_t *bytype;
static struct ll_afile objaf;
static FILE *objfp;
static const char *objpath;

static json_t *
str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

void
ll_report_finding(const struct ll_where *w, const struct ll_finding *f,
    const char *fmt, ...)
{
	va_list ap;
	json_t *r, *v;
	char reason[1024];

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	r = json_object();
	json_object_set_new(r, "type", json_string(f->type));
	json_object_set_new(r, "bucket", str(w->bucket));
	json_object_set_new(r, "key", str(f->key));
	json_object_set_new(r, "organization", str(w->org));
	json_object_set_new(r, "account", str(w->account));
	json_object_set_new(r, "region", str(w->region));
	json_object_set_new(r, "trail", str(w->trail));
	json_object_set_new(r, "digest", str(f->digest));
	json_object_set_new(r, "expected", str(f->expected));
	json_object_set_new(r, "found", str(f->found));
	json_object_set_new(r, "reason", json_string(reason));
	ll_out_json(r);
	json_decref(r);
	nfindings++;
	if (bytype == NULL)
		bytype = json_object();
	v = json_object_get(bytype, f->type);
	json_object_set_new(bytype, f->type, json_integer(
	    (v != NULL ? json_integer_value(v) : 0) + 1));
}

uintmax_t
ll_report_findings(void)
{
	return nfindings;
}

void
ll_report_objects(const char *path)
{
	objpath = path;
	objfp = ll_afile_open(&objaf, path);
}

/* The status of one stored object; SHA is of its bytes as stored. */
void
ll_report_object(const char *bucket, const char *key, const char *path,
    enum kind kind, const char *sha, enum status st, const char *digest)
{
	json_t *r;
	char *url;

	count[kind][st]++;
	if (objfp == NULL)
		return;
	url = xasprintf("s3://%s/%s", bucket, key);
	r = json_object();
	json_object_set_new(r, "url", json_string(url));
	json_object_set_new(r, "path", json_string(path));
	json_object_set_new(r, "kind", json_string(kindname[kind]));
	json_object_set_new(r, "sha256", sha != NULL && sha[0] != '\0' ?
	    json_string(sha) : json_null());
	json_object_set_new(r, "status", json_string(statusname[st]));
	json_object_set_new(r, "digest", str(digest));
	if (json_dumpf(r, objfp, JSON_COMPACT) == -1 ||
	    fputc('\n', objfp) == EOF)
		err(LL_EXIT_IO, "%s", objpath);
	json_decref(r);
	free(url);
}

static void
stats_kind(const char *name, enum kind k)
{
	char key[64];

	snprintf(key, sizeof(key), "%s_validated", name);
	ll_stats_add(key, count[k][ST_VALIDATED]);
	snprintf(key, sizeof(key), "%s_invalid", name);
	ll_stats_add(key, count[k][ST_INVALID]);
	snprintf(key, sizeof(key), "%s_not_covered", name);
	ll_stats_add(key, count[k][ST_UNCOVERED]);
}

/* Commits --objects, sets the counters and prints the summary. */
void
ll_report_end(int quiet)
{
	uintmax_t *d = count[K_DIGEST], *l = count[K_LOG];
	uintmax_t t[3];
	int i;

	if (objfp != NULL && ll_afile_commit(&objaf) == -1)
		err(LL_EXIT_IO, "%s", objpath);
	objfp = NULL;
	for (i = 0; i < 3; i++)
		t[i] = d[i] + l[i] + count[K_OTHER][i];
	stats_kind("digests", K_DIGEST);
	stats_kind("log_files", K_LOG);
	ll_stats_add("other_objects", count[K_OTHER][ST_UNCOVERED]);
	json_object_set_new(ll_stats.extra, "objects_validated",
	    json_integer((json_int_t)t[ST_VALIDATED]));
	json_object_set_new(ll_stats.extra, "objects_invalid",
	    json_integer((json_int_t)t[ST_INVALID]));
	json_object_set_new(ll_stats.extra, "objects_not_covered",
	    json_integer((json_int_t)t[ST_UNCOVERED]));
	ll_stats_add("findings", nfindings);
	json_object_set_new(ll_stats.extra, "findings_by_type",
	    bytype != NULL ? bytype : json_object());
	bytype = NULL;
	if (nfindings > 0)
		ll_fail(LL_EXIT_REJECT);
	if (quiet)
		return;
	ll_out_flush();
	fprintf(stderr, "%s: %ju digests: %ju validated, %ju invalid, %ju "
	    "not covered; %ju log files: %ju validated, %ju invalid, %ju not "
	    "covered; %ju other objects; %ju findings\n", ll_progname,
	    d[0] + d[1] + d[2], d[0], d[1], d[2], l[0] + l[1] + l[2], l[0],
	    l[1], l[2], count[K_OTHER][ST_UNCOVERED], nfindings);
}
