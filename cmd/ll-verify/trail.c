/*
 * The checks of one group: one account's digests and log files in one
 * region, whatever trails wrote them.  Every object is read once.
 * Digests are verified newest first within each chain, so that a
 * digest that passed can vouch for its predecessor with the signature
 * and hash it carries; a digest's own signature comes from that
 * predecessor link or from the manifest (x-amz-meta-signature).  Then
 * the chain is compared with the hourly cadence, and the log files
 * with what the verified digests list.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "ll.h"
#include "object.h"
#include "report.h"
#include "verify.h"
#include "xalloc.h"

struct dig {
	struct ll_obj	*o;
	struct ll_digest_name	 nm;
	struct ll_digest	 d;
	struct ll_object	 h;
	struct ll_mrec	*m;
	char		 why[LL_DIGEST_WHY];
	int		 named, parsed, readok;
	struct dig	*newer;		/* the newer digest naming it */
	int		 prevstored;	/* its previous is stored at its key */
	int		 moved;		/* verified, but stored elsewhere */
	enum status	 st;
};

struct logf {
	struct ll_obj	*o;
	struct ll_object	 h;
	int64_t		 t;
	int		 timed, readok, listed, good, bad;
	const char	*by;
};

/* A place in a chain: a stored digest, or one named but missing. */
struct slot {
	struct ll_digest_name	 nm;
	int64_t		 t;
	const char	*key;
	struct dig	*dg;		/* NULL when missing */
};

struct gap {
	int64_t	 from, to;
};

struct ctx {
	struct ll_group	*g;
	struct dig	*dg;
	size_t		 ndg;
	struct logf	*lf;
	size_t		 nlf;
	struct dig	**bykey, **byclaim;
	size_t		 nclaim;
	struct slot	*sl;
	size_t		 nsl;
	struct gap	*gaps;
	size_t		 ngaps;
	int64_t		 newest;	/* latest digest end in the group */
	int64_t		 covstart;	/* earliest chain start, if known */
};

static void
where(const struct ctx *c, struct ll_where *w, const char *trail)
{
	w->bucket = c->g->bucket;
	w->org = c->g->org;
	w->account = c->g->account;
	w->region = c->g->region;
	w->trail = trail;
}

static void
url(char *buf, size_t size, const char *bucket, const char *key)
{
	snprintf(buf, size, "s3://%s/%s", bucket, key);
}

static void
addgap(struct ctx *c, int64_t end)
{
	c->gaps = xreallocarray(c->gaps, c->ngaps + 1, sizeof(*c->gaps));
	/* A log file's name time can precede its digest's window a little. */
	c->gaps[c->ngaps].from = end - HOUR - 20 * 60;
	c->gaps[c->ngaps++].to = end;
}

/* The manifest record of O, checked against the bytes in the store. */
static struct ll_mrec *
manifest_check(struct ctx *c, struct ll_obj *o, const struct ll_object *h,
    const char *trail)
{
	struct ll_finding f = { "manifest_mismatch", o->key, NULL, NULL, NULL };
	struct ll_where w;
	struct ll_mrec *m;

	if ((m = ll_manifest_get(&c->g->run->man, c->g->bucket, o->key)) ==
	    NULL) {
		ll_stats_add("not_in_manifest", 1);
		return NULL;
	}
	m->seen = 1;
	if (m->sha[0] != '\0' && strcmp(m->sha, h->rawsha) != 0) {
		where(c, &w, trail);
		f.expected = m->sha;
		f.found = h->rawsha;
		ll_report_finding(&w, &f, "the stored bytes are not those the "
		    "manifest recorded");
	}
	return m;
}

static void
load_digest(struct ctx *c, struct dig *d)
{
	struct ll_group *g = c->g;
	char *buf = NULL;
	size_t len;

	d->named = ll_digest_name_parse(d->o->key, strlen(d->o->key),
	    g->account, g->region, &d->nm) == 0;
	d->st = ST_UNCOVERED;
	if (ll_object_read(d->o->path, &d->h, &buf, &len, g->run->max_digest) ==
	    -1) {
		warn("%s", d->o->path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	d->readok = 1;
	d->m = manifest_check(c, d->o, &d->h, d->named ? d->nm.trail : NULL);
	if (!d->h.gzip)
		snprintf(d->why, sizeof(d->why), "not gzip");
	else if (d->h.damaged)
		snprintf(d->why, sizeof(d->why), "damaged gzip");
	else if (d->h.toobig)
		snprintf(d->why, sizeof(d->why), "larger than %zu bytes, "
		    "which no digest is", g->run->max_digest);
	else if (ll_digest_parse(buf, len, &d->d, d->why) == 0)
		d->parsed = 1;
	free(buf);
	if (d->named) {
		if (d->nm.tend > c->newest)
			c->newest = d->nm.tend;
		if (d->nm.tend > g->run->newest)
			g->run->newest = d->nm.tend;
	}
}

static void
load_log(struct ctx *c, struct logf *l)
{
	l->timed = ll_digest_logtime(l->o->key, strlen(l->o->key), &l->t) == 0;
	if (l->timed && l->t > c->g->run->newest)
		c->g->run->newest = l->t;
	if (ll_object_read(l->o->path, &l->h, NULL, NULL, 0) == -1) {
		warn("%s", l->o->path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	l->readok = 1;
	manifest_check(c, l->o, &l->h, NULL);
}

static int
namecmp(const struct ll_digest_name *a, const struct ll_digest_name *b)
{
	int x;

	if (a->backfill != b->backfill)
		return a->backfill - b->backfill;
	if ((x = strcmp(a->trail, b->trail)) != 0)
		return x;
	return strcmp(a->home, b->home);
}

/* Unnamed digests first, then by chain and end time. */
static int
digcmp(const void *x, const void *y)
{
	const struct dig *a = x, *b = y;
	int k;

	if (a->named != b->named)
		return a->named - b->named;
	if (a->named && (k = namecmp(&a->nm, &b->nm)) != 0)
		return k;
	if (a->named && a->nm.tend != b->nm.tend)
		return a->nm.tend < b->nm.tend ? -1 : 1;
	return strcmp(a->o->key, b->o->key);
}

static int
logcmp(const void *x, const void *y)
{
	return strcmp(((const struct logf *)x)->o->key,
	    ((const struct logf *)y)->o->key);
}

static int
bykey(const void *x, const void *y)
{
	return strcmp((*(struct dig *const *)x)->o->key,
	    (*(struct dig *const *)y)->o->key);
}

/* Parsed digests stored elsewhere than their content says, by that key. */
static int
byclaim(const void *x, const void *y)
{
	const struct dig *a = *(struct dig *const *)x;
	const struct dig *b = *(struct dig *const *)y;
	int k;

	if ((k = strcmp(a->d.key, b->d.key)) != 0)
		return k;
	return strcmp(a->d.bucket, b->d.bucket);
}

/* The indexes: digests by stored key, and by the key they claim. */
static void
index_digests(struct ctx *c)
{
	size_t i;

	c->bykey = xcalloc(c->ndg + 1, sizeof(*c->bykey));
	c->byclaim = xcalloc(c->ndg + 1, sizeof(*c->byclaim));
	for (i = 0; i < c->ndg; i++) {
		c->bykey[i] = &c->dg[i];
		if (c->dg[i].parsed && strcmp(c->dg[i].d.key,
		    c->dg[i].o->key) != 0)
			c->byclaim[c->nclaim++] = &c->dg[i];
	}
	qsort(c->bykey, c->ndg, sizeof(*c->bykey), bykey);
	qsort(c->byclaim, c->nclaim, sizeof(*c->byclaim), byclaim);
}

static struct dig *
digest_at(struct ctx *c, const char *bucket, const char *key)
{
	struct dig want, *w = &want, **p;
	struct ll_obj o;

	if (strcmp(bucket, c->g->bucket) != 0)
		return NULL;
	o.key = (char *)key;
	want.o = &o;
	p = bsearch(&w, c->bykey, c->ndg, sizeof(*c->bykey), bykey);
	return p != NULL ? *p : NULL;
}

/* A stored digest whose content says it belongs at BUCKET/KEY. */
static struct dig *
claimant(struct ctx *c, const char *bucket, const char *key)
{
	struct dig want, *w = &want, **p;

	want.d.key = (char *)key;
	want.d.bucket = (char *)bucket;
	p = bsearch(&w, c->byclaim, c->nclaim, sizeof(*c->byclaim), byclaim);
	return p != NULL ? *p : NULL;
}

static struct logf *
log_at(struct ctx *c, const char *bucket, const char *key)
{
	struct logf want, *l;
	struct ll_obj o;

	if (strcmp(bucket, c->g->bucket) != 0)
		return NULL;
	o.key = (char *)key;
	want.o = &o;
	l = bsearch(&want, c->lf, c->nlf, sizeof(*c->lf), logcmp);
	return l;
}

static void
invalid(struct ctx *c, struct dig *d, const struct ll_finding *f,
    const char *reason)
{
	struct ll_where w;

	where(c, &w, d->named ? d->nm.trail : NULL);
	ll_report_finding(&w, f, "%s", reason);
	d->st = ST_INVALID;
}

/*
 * The signature, with the key the digest names: the predecessor link
 * of a newer digest, else the manifest's.  Returns 1 when one
 * verifies, 0 when none does, -1 when there is nothing to try.
 */
static int
signature(struct ctx *c, struct dig *d, const struct ll_key *k, int *chainok)
{
	const char *msig = d->m != NULL ? d->m->sig : NULL;
	const char *csig = d->newer != NULL ? d->newer->d.prev_sig : NULL;
	char *tbs;
	size_t n;
	int mok = 0;

	*chainok = 0;
	if (msig == NULL && csig == NULL)
		return -1;
	tbs = ll_digest_tosign(&d->d, d->h.sha, &n);
	if (csig != NULL)
		*chainok = ll_keys_verify(k, tbs, n, csig);
	if (msig != NULL && (csig == NULL || strcmp(msig, csig) != 0))
		mok = ll_keys_verify(k, tbs, n, msig);
	else if (msig != NULL)
		mok = *chainok;
	free(tbs);
	if (*chainok && msig != NULL && !mok) {
		struct ll_finding f = { "signature_mismatch", d->o->key,
		    d->newer->o->key, NULL, NULL };
		struct ll_where w;

		where(c, &w, d->nm.trail);
		ll_report_finding(&w, &f, "x-amz-meta-signature in the "
		    "manifest does not verify; previousDigestSignature of the "
		    "next digest does");
	}
	return *chainok || mok;
}

static void
verify_digest(struct ctx *c, struct dig *d)
{
	struct ll_finding f = { "digest_invalid", d->o->key, NULL, NULL, NULL };
	const struct ll_key *k;
	char iso1[21], iso2[21], want[1024], got[1024];
	int chainok, ok;

	if (!d->readok)
		return;
	if (!d->named) {
		invalid(c, d, &f, "the name is not ACCOUNT_CloudTrail-"
		    "Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHMMSSZ.json.gz");
		return;
	}
	if (!d->parsed) {
		/* What it lists is unknown: its hour is a gap, reported. */
		invalid(c, d, &f, d->why);
		addgap(c, d->nm.tend);
		return;
	}
	if ((k = ll_keys_find(&c->g->run->keys, d->d.fingerprint)) == NULL) {
		f.type = "digest_unverified";
		snprintf(want, sizeof(want), "no public key with fingerprint "
		    "%s in the key files", d->d.fingerprint);
		invalid(c, d, &f, want);
		d->st = ST_UNCOVERED;
		return;
	}
	if ((ok = signature(c, d, k, &chainok)) == -1) {
		f.type = "digest_unverified";
		invalid(c, d, &f, "no signature: none in the manifest, "
		    "and no newer digest names this one");
		d->st = ST_UNCOVERED;
		return;
	}
	if (d->newer != NULL && d->newer->st == ST_VALIDATED &&
	    strcmp(d->newer->d.prev_hash, d->h.sha) != 0) {
		f.digest = d->newer->o->key;
		f.expected = d->newer->d.prev_hash;
		f.found = d->h.sha;
	}
	if (!ok) {
		invalid(c, d, &f, f.found != NULL ? "the signature does "
		    "not verify, and the SHA-256 is not the next digest's "
		    "previousDigestHashValue" :
		    "the signature does not verify");
		return;
	}
	if (f.found != NULL) {
		invalid(c, d, &f, "the SHA-256 is not the next digest's "
		    "previousDigestHashValue");
		return;
	}
	if (!ll_keys_valid_at(k, d->d.tend)) {
		ll_digest_isotime(k->from, iso1);
		ll_digest_isotime(k->until, iso2);
		snprintf(want, sizeof(want), "signed with key %s, valid from "
		    "%s to %s only", k->fp, iso1, iso2);
		invalid(c, d, &f, want);
		return;
	}
	url(want, sizeof(want), d->d.bucket, d->d.key);
	url(got, sizeof(got), c->g->bucket, d->o->key);
	if (strcmp(want, got) != 0) {
		f.type = "digest_wrong_key";
		f.expected = want;
		f.found = got;
		invalid(c, d, &f, "stored at another key than its "
		    "digestS3Object: a digest that moved is not valid");
		d->moved = 1;
		return;
	}
	d->st = ST_VALIDATED;
}

/*
 * A digest that is not invalid (or is authentic but moved) hands on
 * the signature of the one it names: a signature proves itself,
 * whoever carries it.  One that is verified also vouches for that
 * digest's SHA-256.
 */
static void
link_previous(struct ctx *c, struct dig *d)
{
	struct dig *p;

	if (!d->parsed || (d->st == ST_INVALID && !d->moved) ||
	    d->d.prev_key == NULL)
		return;
	p = digest_at(c, d->d.prev_bucket, d->d.prev_key);
	d->prevstored = p != NULL;
	if (p == NULL)
		p = claimant(c, d->d.prev_bucket, d->d.prev_key);
	if (p != NULL && p->newer == NULL)
		p->newer = d;
}

static void
addslot(struct ctx *c, const struct ll_digest_name *nm, int64_t t,
    const char *key, struct dig *d)
{
	c->sl = xreallocarray(c->sl, c->nsl + 1, sizeof(*c->sl));
	c->sl[c->nsl].nm = *nm;
	c->sl[c->nsl].t = t;
	c->sl[c->nsl].key = key;
	c->sl[c->nsl++].dg = d;
}

/* Each digest named as a previous one that is not in the store. */
static void
missing_previous(struct ctx *c, struct dig *d)
{
	struct ll_finding f = { "digest_missing", NULL, NULL, NULL, NULL };
	struct ll_digest_name nm;
	struct dig *p;
	struct ll_where w;
	const struct ll_run *r = c->g->run;
	int64_t t;

	if (!d->parsed || (d->st == ST_INVALID && !d->moved) ||
	    d->d.prev_key == NULL || d->prevstored)
		return;
	p = claimant(c, d->d.prev_bucket, d->d.prev_key);
	if (p != NULL && p->moved)
		return;		/* reported where it is */
	t = d->d.tstart;
	if (ll_digest_name_parse(d->d.prev_key, strlen(d->d.prev_key),
	    c->g->account, c->g->region, &nm) == 0)
		t = nm.tend;
	else
		nm = d->nm;
	if (!ll_scan_in_window(r, t)) {
		ll_stats_add("chains_before_window", 1);
		return;
	}
	if (ll_scan_on_disk(r, d->d.prev_bucket, d->d.prev_key)) {
		ll_stats_add("previous_outside_scan", 1);
		return;
	}
	where(c, &w, d->nm.trail);
	w.bucket = d->d.prev_bucket;
	f.key = d->d.prev_key;
	f.digest = d->o->key;
	f.expected = d->d.prev_hash;
	ll_report_finding(&w, &f, "named as the previous digest, and not in "
	    "the store");
	addgap(c, t);
	addslot(c, &nm, t, d->d.prev_key, NULL);
}

static int
slotcmp(const void *x, const void *y)
{
	const struct slot *a = x, *b = y;
	int k;

	if ((k = namecmp(&a->nm, &b->nm)) != 0)
		return k;
	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	return strcmp(a->key, b->key);
}

static void
hour_missing(struct ctx *c, const struct slot *a, const struct slot *b,
    int64_t t)
{
	struct ll_finding f = { "digest_hour_missing", NULL, b->key, NULL,
	    NULL };
	struct ll_digest_name nm = a->nm;
	struct ll_where w;
	char iso[21], *key;

	nm.backfill = 0;
	key = ll_digest_key(c->g->acctdir, strlen(c->g->acctdir),
	    c->g->account, c->g->region, &nm, t);
	ll_digest_isotime(t, iso);
	where(c, &w, nm.trail);
	f.key = key;
	f.expected = iso;
	ll_report_finding(&w, &f, "no digest for the hour ending about %s, "
	    "between %s and the next", iso, a->key);
	addgap(c, t);
	free(key);
}

/*
 * Consecutive places of one chain should be an hour apart.  A digest
 * whose previous is null restarts its chain (validation or logging
 * was off): the time since the last digest is one gap.  Otherwise
 * every hour without a digest is missing, one finding each.
 */
static void
cadence_pair(struct ctx *c, const struct slot *a, const struct slot *b)
{
	struct ll_finding f = { "digest_gap", b->key, a->key, NULL, NULL };
	struct ll_where w;
	char e[21], s[21];
	int64_t k, n;

	if (b->dg != NULL && b->dg->parsed && b->dg->d.prev_key == NULL) {
		if (b->dg->d.tstart - a->t < HOUR / 2)
			return;
		ll_digest_isotime(a->t, e);
		ll_digest_isotime(b->dg->d.tstart, s);
		f.expected = e;
		f.found = s;
		where(c, &w, b->nm.trail);
		ll_report_finding(&w, &f, "the chain restarts: no digest "
		    "covers %s to %s", e, s);
		c->gaps = xreallocarray(c->gaps, c->ngaps + 1,
		    sizeof(*c->gaps));
		c->gaps[c->ngaps].from = a->t - 20 * 60;
		c->gaps[c->ngaps++].to = b->dg->d.tstart;
		return;
	}
	n = (b->t - a->t + HOUR / 2) / HOUR - 1;
	for (k = 1; k <= n; k++)
		if (ll_scan_in_window(c->g->run, a->t + k * HOUR))
			hour_missing(c, a, b, a->t + k * HOUR);
}

static void
chain_end(struct ctx *c, const struct slot *s)
{
	struct ll_run *r = c->g->run;
	struct ll_chainend *e;

	r->ends = xreallocarray(r->ends, r->nends + 1, sizeof(*r->ends));
	e = &r->ends[r->nends++];
	e->bucket = xstrdup(c->g->bucket);
	e->acctdir = xstrdup(c->g->acctdir);
	e->org = c->g->org != NULL ? xstrdup(c->g->org) : NULL;
	snprintf(e->account, sizeof(e->account), "%s", c->g->account);
	snprintf(e->region, sizeof(e->region), "%s", c->g->region);
	e->nm = s->nm;
	e->t = s->t;
	e->key = xstrdup(s->key);
}

/*
 * Log files delivered before validation was turned on are in no
 * digest, rightly: a chain whose oldest digest names no previous one
 * started then.  When the oldest is not such a digest, the start is
 * not known.
 */
static void
chain_start(struct ctx *c, const struct slot *s)
{
	int64_t t = INT64_MIN;

	if (s->dg != NULL && s->dg->parsed && s->dg->d.prev_key == NULL)
		t = s->dg->d.tstart;
	if (t < c->covstart)
		c->covstart = t;
}

static void
cadence(struct ctx *c)
{
	struct ll_digest_name nm;
	struct dig *d;
	size_t i;

	for (i = 0; i < c->ndg; i++) {
		d = &c->dg[i];
		if (d->moved && ll_digest_name_parse(d->d.key, strlen(d->d.key),
		    c->g->account, c->g->region, &nm) == 0)
			addslot(c, &nm, nm.tend, d->d.key, d);
		else if (d->named && !d->moved)
			addslot(c, &d->nm, d->nm.tend, d->o->key, d);
	}
	if (c->nsl > 0)
		qsort(c->sl, c->nsl, sizeof(*c->sl), slotcmp);
	c->covstart = INT64_MAX;
	for (i = 0; i < c->nsl; i++) {
		if (c->sl[i].nm.backfill)
			continue;
		if (i == 0 || namecmp(&c->sl[i - 1].nm, &c->sl[i].nm) != 0)
			chain_start(c, &c->sl[i]);
		if (i + 1 < c->nsl && namecmp(&c->sl[i].nm,
		    &c->sl[i + 1].nm) == 0)
			cadence_pair(c, &c->sl[i], &c->sl[i + 1]);
		else
			chain_end(c, &c->sl[i]);
	}
}

static void
log_finding(struct ctx *c, const struct dig *d, const char *type,
    const char *key, const char *expected, const char *found,
    const char *reason)
{
	struct ll_finding f = { type, key, d->o->key, expected, found };
	struct ll_where w;

	where(c, &w, d->nm.trail);
	ll_report_finding(&w, &f, "%s", reason);
}

/* A listed log file stored outside the group: checked, not counted. */
static void
listed_elsewhere(struct ctx *c, const struct dig *d,
    const struct ll_digest_log *e)
{
	const struct ll_run *r = c->g->run;
	struct ll_object h;
	int64_t t;
	char *path;

	if (!ll_scan_on_disk(r, e->bucket, e->key)) {
		if (ll_digest_logtime(e->key, strlen(e->key), &t) == 0 &&
		    !ll_scan_in_window(r, t)) {
			ll_stats_add("listed_before_window", 1);
			return;
		}
		log_finding(c, d, "log_file_missing", e->key, e->hash, NULL,
		    "listed in a verified digest, and not in the store");
		return;
	}
	path = xasprintf("%s/%s/%s", r->store, e->bucket, e->key);
	if (ll_object_read(path, &h, NULL, NULL, 0) == -1) {
		warn("%s", path);
		ll_fail(LL_EXIT_IO);
	} else if (!h.gzip || h.damaged || strcmp(h.sha, e->hash) != 0)
		log_finding(c, d, "log_file_invalid", e->key, e->hash, h.sha,
		    "the content is not what the digest lists");
	free(path);
}

static void
check_listed(struct ctx *c, struct dig *d, const struct ll_digest_log *e)
{
	struct logf *l;
	const char *why;

	if ((l = log_at(c, e->bucket, e->key)) == NULL) {
		if (d->st == ST_VALIDATED)
			listed_elsewhere(c, d, e);
		return;
	}
	l->listed = 1;
	if (d->st != ST_VALIDATED || !l->readok)
		return;
	if (l->h.gzip && !l->h.damaged && strcmp(l->h.sha, e->hash) == 0) {
		l->good++;
		l->by = d->o->key;
		return;
	}
	l->bad++;
	if (!l->h.gzip)
		why = "not gzip, so not the file the digest lists";
	else if (l->h.damaged)
		why = "damaged gzip, or data after the gzip stream";
	else
		why = "the SHA-256 of the content is not the one the digest "
		    "lists";
	log_finding(c, d, "log_file_invalid", l->o->key, e->hash, l->h.sha,
	    why);
}

static int
in_gap(const struct ctx *c, int64_t t)
{
	size_t i;

	for (i = 0; i < c->ngaps; i++)
		if (t >= c->gaps[i].from && t <= c->gaps[i].to)
			return 1;
	return 0;
}

/*
 * A stored log file no digest lists.  Digests are an hour apart and a
 * file reaches one within the hour after its name's time, so a file
 * an hour older than the newest digest should be listed, unless a
 * missing digest (already reported) would have listed it.
 */
static void
unlisted(struct ctx *c, struct logf *l)
{
	struct ll_finding f = { "log_file_unlisted", l->o->key, NULL, NULL,
	    l->h.sha };
	struct ll_where w;

	if (l->listed || !l->readok)
		return;
	if (l->timed && c->covstart != INT64_MIN &&
	    l->t < c->covstart - 20 * 60) {
		ll_stats_add("log_files_before_validation", 1);
		return;
	}
	if (l->timed && (!ll_scan_in_window(c->g->run, l->t) ||
	    l->t + HOUR > c->newest || in_gap(c, l->t))) {
		ll_stats_add("log_files_pending", 1);
		return;
	}
	where(c, &w, NULL);
	ll_report_finding(&w, &f, "stored, and listed in no digest");
}

/* Log files in a group without a single digest: one finding. */
static void
no_digests(struct ctx *c)
{
	struct ll_finding f = { "digests_absent", NULL, NULL, NULL, NULL };
	struct ll_where w;
	char found[32], *key;
	size_t i, n = 0;

	for (i = 0; i < c->nlf; i++)
		if (!c->lf[i].timed || ll_scan_in_window(c->g->run, c->lf[i].t))
			n++;
	if (n == 0)
		return;
	key = xasprintf("%sCloudTrail-Digest/%s/", c->g->acctdir,
	    c->g->region);
	snprintf(found, sizeof(found), "%zu log files", n);
	f.key = key;
	f.found = found;
	where(c, &w, NULL);
	ll_report_finding(&w, &f, "no digest in the store covers these log "
	    "files: validation is off, or the digests were not fetched or "
	    "were deleted");
	free(key);
}

static void
statuses(struct ctx *c)
{
	struct ll_group *g = c->g;
	struct logf *l;
	size_t i;

	for (i = 0; i < c->ndg; i++)
		ll_report_object(g->bucket, c->dg[i].o->key, c->dg[i].o->path,
		    K_DIGEST, c->dg[i].h.rawsha, c->dg[i].st,
		    c->dg[i].newer != NULL ? c->dg[i].newer->o->key : NULL);
	for (i = 0; i < c->nlf; i++) {
		l = &c->lf[i];
		ll_report_object(g->bucket, l->o->key, l->o->path, K_LOG,
		    l->h.rawsha, l->bad > 0 ? ST_INVALID : l->good > 0 ?
		    ST_VALIDATED : ST_UNCOVERED, l->bad == 0 ? l->by : NULL);
	}
}

void
ll_trail_check(struct ll_group *g)
{
	struct ctx c;
	size_t i, j;

	memset(&c, 0, sizeof(c));
	c.g = g;
	c.dg = xcalloc(g->n + 1, sizeof(*c.dg));
	c.lf = xcalloc(g->n + 1, sizeof(*c.lf));
	for (i = 0; i < g->n; i++) {
		if (g->objs[i].digest)
			c.dg[c.ndg++].o = &g->objs[i];
		else
			c.lf[c.nlf++].o = &g->objs[i];
	}
	for (i = 0; i < c.ndg; i++)
		load_digest(&c, &c.dg[i]);
	for (i = 0; i < c.nlf; i++)
		load_log(&c, &c.lf[i]);
	qsort(c.dg, c.ndg, sizeof(*c.dg), digcmp);
	qsort(c.lf, c.nlf, sizeof(*c.lf), logcmp);
	index_digests(&c);
	/* Newest first: a verified digest vouches for the one before. */
	for (i = c.ndg; i-- > 0;) {
		verify_digest(&c, &c.dg[i]);
		link_previous(&c, &c.dg[i]);
	}
	for (i = c.ndg; i-- > 0;)
		missing_previous(&c, &c.dg[i]);
	cadence(&c);
	for (i = 0; i < c.ndg; i++)
		for (j = 0; c.dg[i].parsed && j < c.dg[i].d.nlogs; j++)
			check_listed(&c, &c.dg[i], &c.dg[i].d.logs[j]);
	if (c.ndg == 0)
		no_digests(&c);
	else
		for (i = 0; i < c.nlf; i++)
			unlisted(&c, &c.lf[i]);
	statuses(&c);
	for (i = 0; i < c.ndg; i++)
		ll_digest_free(&c.dg[i].d);
	free(c.bykey);
	free(c.byclaim);
	free(c.dg);
	free(c.lf);
	free(c.sl);
	free(c.gaps);
}

/*
 * After the scan: the hours after each chain's newest digest, up to
 * --until, or else up to an hour before the latest delivery seen in
 * the store (digests arrive after the hour they cover).  Up to a day
 * of them is reported hour by hour; a longer silence is one finding.
 */
void
ll_trail_ends(struct ll_run *r)
{
	struct ll_finding f = { "digest_hour_missing", NULL, NULL, NULL, NULL };
	struct ll_chainend *e;
	struct ll_where w;
	char iso[21], last[21], *key;
	int64_t u, t, n;
	size_t i;

	u = r->have_until ? r->until : r->newest - HOUR;
	for (i = 0; i < r->nends; i++) {
		e = &r->ends[i];
		w.bucket = e->bucket;
		w.org = e->org;
		w.account = e->account;
		w.region = e->region;
		w.trail = e->nm.trail;
		f.digest = e->key;
		n = e->t < u ? (u - e->t) / HOUR : 0;
		for (t = e->t + HOUR; n <= 24 && t <= u; t += HOUR) {
			key = ll_digest_key(e->acctdir, strlen(e->acctdir),
			    e->account, e->region, &e->nm, t);
			ll_digest_isotime(t, iso);
			f.key = key;
			f.expected = iso;
			ll_report_finding(&w, &f, "no digest for the hour "
			    "ending about %s, after the newest one", iso);
			free(key);
		}
		if (n > 24) {
			ll_digest_isotime(e->t + HOUR, iso);
			ll_digest_isotime(e->t + n * HOUR, last);
			f.type = "digest_chain_ends";
			f.key = e->key;
			f.expected = last;
			f.found = NULL;
			ll_report_finding(&w, &f, "no digest after this one: "
			    "%jd hours, %s to %s, are missing", (intmax_t)n,
			    iso, last);
			f.type = "digest_hour_missing";
		}
		free(e->bucket);
		free(e->acctdir);
		free(e->org);
		free(e->key);
	}
	free(r->ends);
	r->ends = NULL;
	r->nends = 0;
}
