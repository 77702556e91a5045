/*
 * An object is freed when it ends, except under --cat, where it waits
 * in the queue with its bytes until its turn to print.  The event
 * loop is one thread: the engine's poll also watches the writer
 * threads' pipe and, when asked, the caller's input.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "body.h"
#include "fetch.h"
#include "ledger.h"
#include "listing.h"
#include "io/dir.h"
#include "ll.h"
#include "progress.h"
#include "aws/s3.h"
#include "store.h"
#include "xalloc.h"
#include "aws/engine.h"

#define WRITERS	16	/* threads creating, syncing and linking objects */

/* --cat: objects wait for their turn to print. */
static int
is_cat(const struct ll_fetch *f)
{
	return f->store == NULL && f->s3store == NULL;
}

/* FAILPATH: --failures, or NULL. */
void
ll_fetch_open(struct ll_fetch *f, const char *failpath)
{
	ll_ledger_open(&f->ledger, !is_cat(f), failpath);
	/* Syncs that wait together share journal commits: 16 writers
	 * rather than 4 took -g from 1.97 s to 1.65 s for 2,400 objects
	 * (scripts/dev/bench fetch). */
	f->wfd = f->store != NULL ? ll_store_writer_start(WRITERS) : -1;
}

/* An object for the listing record LINE, line LINENO of FILE. */
struct ll_fetch_obj *
ll_fetch_new(struct ll_fetch *f, const char *file, uintmax_t lineno,
    const char *line, size_t len)
{
	struct ll_fetch_obj *o;

	o = xcalloc(1, sizeof(*o));
	o->f = f;
	f->inflight++;
	o->c.tmp.fd = -1;
	if (f->store != NULL) {
		o->body.store = f->store;
		o->body.tmp = &o->c.tmp;
	}
	o->body.discard = f->s3store != NULL;
	o->body.tally = &f->prog->bytes_done;
	o->l.file = file;
	o->l.lineno = lineno;
	o->l.line = xstrndup(line, len);
	o->l.linelen = len;
	f->prog->seen++;
	return o;
}

static void
obj_free(struct ll_fetch_obj *o)
{
	if (o->c.tmp.path != NULL)
		ll_store_discard(&o->c.tmp);
	ll_body_free(&o->body);
	ll_s3store_free(o);
	ll_listing_free(&o->l);
	free(o->path);
	free(o->x.url);
	o->f->inflight--;
	free(o);
}

/* The record named no object it could fetch (OC), WHY. */
void
ll_fetch_bad(struct ll_fetch_obj *o, enum ll_outcome oc, const char *why)
{
	ll_ledger_note(&o->f->ledger, &o->l, o->path, o->body.sha, oc, why);
	o->f->prog->done++;
	obj_free(o);
}

/* The object is finished; --cat keeps it until its turn to print. */
static void
settle(struct ll_fetch_obj *o, enum ll_fstate st)
{
	o->state = st;
	o->f->prog->done++;
	if (!is_cat(o->f))
		obj_free(o);
}

/* The end OC of the object, WHY as ll_ledger_note() takes it. */
void
ll_fetch_end(struct ll_fetch_obj *o, enum ll_outcome oc, const char *why)
{
	if (ll_ledger_note(&o->f->ledger, &o->l, o->path, o->body.sha, oc,
	    why) == 0)
		settle(o, LL_F_OK);
	else
		settle(o, LL_F_BAD);
}

/* --get: a writer thread stores the checked bytes or compares them. */
static void
commit(struct ll_fetch_obj *o)
{
	if (o->c.tmp.path == NULL)
		ll_store_tmpname(o->f->store, &o->c.tmp);
	o->c.store = o->f->store;
	o->c.path = o->path;
	o->c.etag = o->l.etag;
	o->c.sha = o->body.sha;
	o->c.mem = o->body.mem;
	o->c.memlen = o->body.memlen;
	o->c.arg = o;
	ll_store_writer_submit(&o->c);
}

/* What the writer threads did. */
static void
committed(void)
{
	struct ll_commit *c;
	struct ll_fetch_obj *o;
	char why[PATH_MAX + 128];

	while ((c = ll_store_writer_done()) != NULL) {
		o = c->arg;
		ll_store_discard(&c->tmp);
		switch (c->result) {
		case LL_C_STORED:
			ll_fetch_end(o, LL_O_STORED, NULL);
			break;
		case LL_C_SAME:
			ll_fetch_end(o, LL_O_PRESENT, NULL);
			break;
		case LL_C_DIFFERENT:
			ll_fetch_end(o, LL_O_CONFLICT,
			    "the stored copy differs in content");
			break;
		default:
			if (c->op == NULL)
				snprintf(why, sizeof(why), "%.*s: %s",
				    (int)c->bad, o->path,
				    ll_dir_strerror(c->err));
			else
				snprintf(why, sizeof(why), "%s: %s: %s",
				    o->path, c->op, ll_dir_strerror(c->err));
			ll_fetch_end(o, LL_O_LOCAL, why);
			break;
		}
	}
}

/* --cat: prints finished objects at the head of the input order. */
static void
flush_queue(struct ll_fetch *f)
{
	struct ll_fetch_obj *o;

	while ((o = f->qhead) != NULL && o->state != LL_F_PENDING) {
		f->qhead = o->next;
		if (f->qhead == NULL)
			f->qtail = NULL;
		if (o->state == LL_F_OK) {
			ll_body_write(&o->body);
			ll_stats.records_out++;
			ll_ledger_note(&f->ledger, &o->l, NULL, NULL,
			    LL_O_WRITTEN, NULL);
		}
		obj_free(o);
	}
}

/* The bytes are checked: --get stores them, --cat waits its turn. */
static void
fetched(struct ll_fetch_obj *o)
{
	if (o->f->s3store != NULL)
		ll_s3store_fetched(o);
	else if (o->f->store != NULL)
		commit(o);
	else
		settle(o, LL_F_OK);
}

static void
o_begin(struct ll_xfer *x)
{
	struct ll_fetch_obj *o = x->arg;

	ll_body_begin(&o->body);
	ll_s3store_begin(o);
}

static int
o_body(struct ll_xfer *x, const char *p, size_t n)
{
	struct ll_fetch_obj *o = x->arg;

	return ll_body_add(&o->body, p, n, x->msg, sizeof(x->msg));
}

static enum ll_xverdict
o_check(struct ll_xfer *x)
{
	struct ll_fetch_obj *o = x->arg;

	/* A digest's signature is metadata, in no byte of the object. */
	free(o->l.sig);
	free(o->l.sigalg);
	o->l.sig = x->meta_sig[0] != '\0' ? xstrdup(x->meta_sig) : NULL;
	o->l.sigalg = x->meta_alg[0] != '\0' ? xstrdup(x->meta_alg) : NULL;
	return ll_body_check(&o->body, &o->l, x->got, x->etag, x->kms, x->msg,
	    sizeof(x->msg));
}

static void
o_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct ll_fetch_obj *o = x->arg;

	if (v != LL_X_OK)
		ll_fetch_end(o, LL_O_FAILED, x->msg);
	else
		fetched(o);
}

static void
o_header(struct ll_xfer *x, const char *name, size_t nlen, const char *v,
    size_t vlen)
{
	ll_s3store_header(x->arg, name, nlen, v, vlen);
}

static const struct ll_xfer_ops obj_ops = { o_begin, o_body, o_check,
	o_done, o_header };

/* file:// sources are copied right away, through the same checks. */
static void
copy_local(struct ll_fetch_obj *o)
{
	char msg[512];
	long long got;

	got = ll_body_copy(&o->body, o->l.local, msg, sizeof(msg));
	if (got == -1 || ll_body_check(&o->body, &o->l, got, NULL, 0, msg,
	    sizeof(msg)) != LL_X_OK)
		ll_fetch_end(o, LL_O_FAILED, msg);
	else
		fetched(o);
}

/*
 * Fetches the object.  PRES is what --get found under its name
 * (LL_ABSENT for --cat); the digest the store check may have left
 * is the stored file's, so it is cleared.
 */
void
ll_fetch_start(struct ll_fetch_obj *o, enum ll_presence pres)
{
	struct ll_fetch *f = o->f;
	struct ll_listing *l = &o->l;

	if (is_cat(f)) {
		o->next = NULL;
		if (f->qtail != NULL)
			f->qtail->next = o;
		else
			f->qhead = o;
		f->qtail = o;
	}
	o->c.pres = pres;
	o->body.sha[0] = '\0';
	if (l->size > 0)
		f->prog->bytes_total += (uintmax_t)l->size;
	if (l->local != NULL) {
		copy_local(o);
		return;
	}
	o->x.ops = &obj_ops;
	o->x.arg = o;
	o->x.what = l->shown;
	o->x.url = ll_s3_object_url(f->conf, l->bucket, l->key, l->keylen);
	o->x.bucket = l->bucket;
	ll_engine_add(f->engine, &o->x);
}

/*
 * One turn of the event loop: transfers, finished commits, --cat
 * output, progress.  Returns whether INFD (when not -1) is readable.
 */
int
ll_fetch_turn(struct ll_fetch *f, int infd)
{
	int fds[2] = { -1, -1 }, n = 0, wbit = 0, ibit = 0, ready;

	if (f->wfd != -1) {
		wbit = 1 << n;
		fds[n++] = f->wfd;
	}
	if (infd != -1) {
		ibit = 1 << n;
		fds[n++] = infd;
	}
	ready = ll_engine_step(f->engine, fds, n, 500);
	if (ready & wbit)
		committed();
	if (is_cat(f))
		flush_queue(f);
	ll_progress_show(f->prog, 0);
	return (ready & ibit) != 0;
}

/* Waits for every object to end, then settles the run's accounts. */
void
ll_fetch_close(struct ll_fetch *f)
{
	while (f->inflight > 0)
		ll_fetch_turn(f, -1);
	ll_progress_show(f->prog, 1);
	ll_ledger_close(&f->ledger);
	ll_stats_add("fetched_bytes", f->prog->bytes_done);
	ll_store_writer_stop();
}
