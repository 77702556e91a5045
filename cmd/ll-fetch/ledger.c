/*
 * Refusals are the input's fault and go to --reject like any bad
 * record.  Failures of the remote decide the exit status: 1 when other
 * objects were stored, found present or (--cat) written, 4 when none
 * were; failures here (the disk, a link in the store) make it 3.
 */
#include <sys/stat.h>

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "io/afile.h"
#include "io/out.h"
#include "lake/s3key.h"
#include "ledger.h"
#include "listing.h"
#include "ll.h"
#include "xalloc.h"

static const struct {
	const char	*status;	/* the manifest's "status" */
	const char	*counter;	/* --stats counter, or NULL */
	enum ll_reason	 reason;	/* for refusals: the reject reason */
} outcomes[] = {
	[LL_O_STORED] =		{ "stored",		"stored", 0 },
	[LL_O_PRESENT] =	{ "skipped-present",	"present", 0 },
	[LL_O_FOLDER] =		{ "skipped-folder",	"folder_markers", 0 },
	[LL_O_BAD] =		{ "refused",		NULL, LL_R_BAD_RECORD },
	[LL_O_UNSAFE] =		{ "refused",		NULL, LL_R_UNSAFE_KEY },
	[LL_O_CONFLICT] =	{ "conflict",		NULL, LL_R_CONFLICT },
	[LL_O_FAILED] =		{ "failed",		"failed", 0 },
	[LL_O_WRITTEN] =	{ "written",		"written", 0 },
	[LL_O_LOCAL] =		{ "failed",		"failed", 0 },
	[LL_O_VERBATIM] =	{ "refused",		NULL, LL_R_UNREQUESTABLE_KEY }
};

/* MANIFEST: write manifest records (--get); FAILPATH: --failures. */
void
ll_ledger_open(struct ll_ledger *ld, int manifest, const char *failpath)
{
	ld->manifest = manifest;
	ld->failpath = failpath;
	if (failpath != NULL)
		ld->failfp = ll_afile_open(&ld->failaf, failpath);
}

/*
 * The manifest record.  The URL and the path end with the key, which
 * may hold NUL bytes, so their lengths are made up from the key's.
 */
static void
manifest(const struct ll_listing *l, const char *path, const char *sha,
    const char *status, const char *error)
{
	json_t *r;
	struct stat st;
	struct ll_s3key k;
	long long bytes = l->size;

	if (bytes < 0 && path != NULL && stat(path, &st) == 0)
		bytes = (long long)st.st_size;
	r = json_object();
	json_object_set_new(r, "url", json_stringn(l->url, strlen(l->url) +
	    l->keylen - strlen(l->key)));
	json_object_set_new(r, "path", path != NULL ? json_stringn(path,
	    strlen(path) + l->keylen - strlen(l->key)) : json_null());
	json_object_set_new(r, "bytes", bytes >= 0 ? json_integer(bytes) :
	    json_null());
	json_object_set_new(r, "etag", ll_listing_str(l->etag));
	json_object_set_new(r, "sha256", ll_listing_str(sha));
	json_object_set_new(r, "status", json_string(status));
	json_object_set_new(r, "error", ll_listing_str(error));
	/* A digest's signature, kept for ll-verify: null if not fetched. */
	if (l->key != NULL)
		ll_s3key_parse(l->key, l->keylen, &k);
	if (l->key != NULL && strcmp(k.kind, "cloudtrail-digest") == 0) {
		json_object_set_new(r, "signature", ll_listing_str(l->sig));
		json_object_set_new(r, "signature_algorithm",
		    ll_listing_str(l->sigalg));
	}
	ll_out_json(r);
	json_decref(r);
}

/* The listing record again, for the next run to read. */
static void
failed(struct ll_ledger *ld, const struct ll_listing *l)
{
	ld->nfailed++;
	if (ld->failfp != NULL && (fwrite(l->line, 1, l->linelen,
	    ld->failfp) != l->linelen || fputc('\n', ld->failfp) == EOF))
		err(LL_EXIT_IO, "%s", ld->failpath);
}

/*
 * Records the outcome OC of the object of L, stored (or to be) at
 * PATH with digest SHA, either of which may be NULL or empty.  WHY
 * is the reason for a refusal or failure, or how a conflicting copy
 * differs; NULL for the rest.  Returns 0 when the object is where it
 * should be, -1 when not.
 */
int
ll_ledger_note(struct ll_ledger *ld, const struct ll_listing *l,
    const char *path, const char *sha, enum ll_outcome oc, const char *why)
{
	char *msg = NULL;
	int ok = 0;

	switch (oc) {
	case LL_O_STORED:
	case LL_O_PRESENT:
	case LL_O_FOLDER:
	case LL_O_WRITTEN:
		ll_stats_add(outcomes[oc].counter, 1);
		ld->nok++;
		ok = 1;
		break;
	case LL_O_BAD:
		ll_warnx_at(l->file, l->lineno, "%s", why);
		ll_reject(outcomes[oc].reason, l->line, l->linelen);
		break;
	case LL_O_LOCAL:
		ld->nlocal++;
		ll_fail(LL_EXIT_IO);
		/* FALLTHROUGH */
	case LL_O_FAILED:
		ll_warnx_at(l->file, l->lineno, "%s: %s", l->shown, why);
		ll_stats_add(outcomes[oc].counter, 1);
		failed(ld, l);
		break;
	case LL_O_VERBATIM:
		/* Refused, and kept with the failures for the run's count. */
		ld->nlocal++;
		failed(ld, l);
		ll_warnx_at(l->file, l->lineno, "%s: %s", l->shown, why);
		ll_reject(outcomes[oc].reason, l->line, l->linelen);
		break;
	case LL_O_CONFLICT:
		why = msg = xasprintf("conflict: %s; not overwritten", why);
		/* FALLTHROUGH */
	case LL_O_UNSAFE:
		ll_warnx_at(l->file, l->lineno, "%s: %s", l->shown, why);
		ll_reject(outcomes[oc].reason, l->line, l->linelen);
		break;
	}
	if (ld->manifest)
		manifest(l, path, sha, outcomes[oc].status, why);
	free(msg);
	return ok ? 0 : -1;
}

/* Commits the failures file and sets the exit status. */
void
ll_ledger_close(struct ll_ledger *ld)
{
	if (ld->failfp != NULL && ll_afile_commit(&ld->failaf) == -1)
		err(LL_EXIT_IO, "%s", ld->failpath);
	if (ld->nfailed > ld->nlocal)
		ll_fail(ld->nok == 0 ? LL_EXIT_REMOTE : LL_EXIT_REJECT);
}
