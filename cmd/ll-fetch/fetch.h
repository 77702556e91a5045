/*
 * Objects of --get and --cat between their listing record and their
 * end.  Each is fetched through the request engine (or copied, for
 * file://), its bytes checked, then either handed to the store's
 * writer threads (--get) or held until every object before it in the
 * input has been printed (--cat), so that output order is input
 * order whatever order the transfers finish in.  Every end but a
 * --cat success goes to the ledger.  What to do with a record is the
 * caller's choice; this is how it gets done.
 */
#ifndef LL_FETCH_H
#define LL_FETCH_H

#include <stddef.h>
#include <stdint.h>

#include "body.h"
#include "ledger.h"
#include "listing.h"
#include "progress.h"
#include "aws/s3.h"
#include "s3store.h"
#include "store.h"
#include "aws/engine.h"

enum ll_fstate { LL_F_PENDING, LL_F_OK, LL_F_BAD };

struct ll_fetch;

struct ll_fetch_obj {
	struct ll_xfer	 x;
	struct ll_commit c;		/* --get: the writer's job */
	struct ll_listing l;
	struct ll_body	 body;
	char		*path;		/* --get: where it is stored */
	struct ll_s3put	*put;		/* --get into an S3 store */
	enum ll_fstate	 state;
	struct ll_fetch	*f;
	struct ll_fetch_obj *next;	/* --cat: input order */
};

/* The caller fills in the first five before ll_fetch_open(). */
struct ll_fetch {
	struct ll_engine *engine;
	const struct ll_s3conf *conf;
	struct ll_store	*store;		/* --get; NULL for --cat */
	struct ll_s3store *s3store;	/* --get into S3 instead */
	struct ll_progress *prog;
	uintmax_t	 inflight;
	int		 wfd;		/* writer threads' pipe, or -1 */
	struct ll_ledger ledger;
	struct ll_fetch_obj *qhead, *qtail;	/* --cat */
};

void	ll_fetch_open(struct ll_fetch *, const char *);
struct ll_fetch_obj *ll_fetch_new(struct ll_fetch *, const char *,
	    uintmax_t, const char *, size_t);
void	ll_fetch_bad(struct ll_fetch_obj *, enum ll_outcome, const char *);
void	ll_fetch_start(struct ll_fetch_obj *, enum ll_presence);
void	ll_fetch_end(struct ll_fetch_obj *, enum ll_outcome, const char *);
int	ll_fetch_turn(struct ll_fetch *, int);
void	ll_fetch_close(struct ll_fetch *);

#endif
