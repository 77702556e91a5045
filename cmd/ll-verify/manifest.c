/*
 * The manifest index: an open-addressing hash table of the records
 * whose status says the object is in the store (stored or
 * skipped-present).  A manifest is appended to run after run, so one
 * object can have several records; a later signature or SHA-256
 * fills in what an earlier record lacked.  Lines that are not JSON
 * objects with a URL are reported and rejected like any bad record.
 */
#include <err.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "io/input.h"
#include "io/reader.h"
#include "json/json.h"
#include "ll.h"
#include "manifest.h"
#include "xalloc.h"

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static struct ll_mrec **
find(struct ll_manifest *m, const char *id)
{
	size_t i;

	for (i = hash(id) & (m->nslot - 1); m->slot[i] != NULL;
	    i = (i + 1) & (m->nslot - 1))
		if (strcmp(m->slot[i]->id, id) == 0)
			break;
	return &m->slot[i];
}

static void
grow(struct ll_manifest *m)
{
	struct ll_mrec **old = m->slot;
	size_t i, n = m->nslot;

	m->nslot *= 2;
	m->slot = xcalloc(m->nslot, sizeof(*m->slot));
	for (i = 0; i < n; i++)
		if (old[i] != NULL)
			*find(m, old[i]->id) = old[i];
	free(old);
}

/* STORE: the store directory, for records of local (file://) sources. */
void
ll_manifest_init(struct ll_manifest *m, const char *store)
{
	memset(m, 0, sizeof(*m));
	m->nslot = 1024;
	m->slot = xcalloc(m->nslot, sizeof(*m->slot));
	if ((m->store = realpath(store, NULL)) == NULL)
		err(LL_EXIT_IO, "%s", store);
}

struct ll_mrec *
ll_manifest_get(struct ll_manifest *m, const char *bucket, const char *key)
{
	char *id = xasprintf("%s/%s", bucket, key);
	struct ll_mrec *r = *find(m, id);

	free(id);
	return r;
}

/* Walks the records: *I starts at 0; NULL at the end. */
struct ll_mrec *
ll_manifest_next(struct ll_manifest *m, size_t *i)
{
	while (*i < m->nslot)
		if (m->slot[(*i)++] != NULL)
			return m->slot[*i - 1];
	return NULL;
}

/*
 * The object's "BUCKET/KEY": from an s3:// URL, else from the stored
 * path below the store.  NULL when the record names neither.
 */
static char *
object_id(struct ll_manifest *m, json_t *r)
{
	const char *url, *path;
	char *real, *id = NULL;
	size_t n = strlen(m->store);

	url = json_string_value(json_object_get(r, "url"));
	if (url != NULL && strncmp(url, "s3://", 5) == 0)
		return strchr(url + 5, '/') != NULL ? xstrdup(url + 5) : NULL;
	path = json_string_value(json_object_get(r, "path"));
	if (path == NULL || (real = realpath(path, NULL)) == NULL)
		return NULL;
	if (strncmp(real, m->store, n) == 0 && real[n] == '/')
		id = xstrdup(real + n + 1);
	free(real);
	return id;
}

static void
setstr(char **dst, json_t *v)
{
	if (!json_is_string(v) || json_string_length(v) == 0)
		return;
	free(*dst);
	*dst = xstrdup(json_string_value(v));
}

static void
record(struct ll_manifest *m, json_t *r)
{
	struct ll_mrec **p, *e;
	const char *status, *sha;
	char *id;

	status = json_string_value(json_object_get(r, "status"));
	if (status == NULL || (strcmp(status, "stored") != 0 &&
	    strcmp(status, "skipped-present") != 0)) {
		ll_stats_add("manifest_not_stored", 1);
		return;
	}
	if ((id = object_id(m, r)) == NULL) {
		ll_stats_add("manifest_elsewhere", 1);
		return;
	}
	if (*(p = find(m, id)) == NULL) {
		e = *p = xcalloc(1, sizeof(*e));
		e->id = id;
		if (++m->n * 2 > m->nslot)
			grow(m);
	} else {
		e = *p;
		free(id);
	}
	sha = json_string_value(json_object_get(r, "sha256"));
	if (sha != NULL && strlen(sha) == 64)
		memcpy(e->sha, sha, 65);
	setstr(&e->sig, json_object_get(r, "signature"));
	setstr(&e->sigalg, json_object_get(r, "signature_algorithm"));
}

/* Reads the manifest at PATH ("-": standard input), lines up to MAX. */
void
ll_manifest_read(struct ll_manifest *m, const char *path, size_t max)
{
	struct ll_reader rd;
	struct ll_input *in;
	json_error_t jerr;
	const char *line;
	json_t *r;
	size_t n;

	if ((in = ll_input_open(path)) == NULL) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	ll_reader_init(&rd, in, max);
	while (ll_reader_next(&rd, &line, &n)) {
		if (n == 0)
			continue;
		if ((r = ll_json_parse(line, n, &jerr)) == NULL) {
			ll_warnx_at(rd.name, rd.line, "byte %d: invalid JSON: "
			    "%s", jerr.position, jerr.text);
			ll_reject(LL_R_INVALID_JSON, line, n);
			continue;
		}
		if (!json_is_object(r) ||
		    !json_is_string(json_object_get(r, "url"))) {
			ll_warnx_at(rd.name, rd.line, "not a manifest record "
			    "(an object with a url)");
			ll_reject(LL_R_BAD_RECORD, line, n);
		} else
			record(m, r);
		json_decref(r);
	}
	ll_reader_free(&rd);
	ll_input_close(in);
}

void
ll_manifest_free(struct ll_manifest *m)
{
	size_t i;

	for (i = 0; i < m->nslot; i++) {
		if (m->slot[i] == NULL)
			continue;
		free(m->slot[i]->id);
		free(m->slot[i]->sig);
		free(m->slot[i]->sigalg);
		free(m->slot[i]);
	}
	free(m->slot);
	free(m->store);
}
