/*
 * An object's bytes on their way in, from a download or a file://
 * copy.  The first megabyte stays in memory, which is all most log
 * objects need; the rest goes to a file, so memory stays bounded
 * whatever the size.  For --get that file is the store's temporary
 * file, at the offset the object will have, so the writer threads
 * only add the head; for --cat it is an unlinked one.  The bytes are
 * hashed as they pass and checked at the end against the listing.
 */
#ifndef LL_BODY_H
#define LL_BODY_H

#include <sys/types.h>

#include <stdint.h>
#include <stdio.h>

#include "io/hash.h"
#include "listing.h"
#include "store.h"
#include "aws/engine.h"

struct ll_body {
	struct ll_store	*store;		/* --get: spill to its temporary */
	struct ll_stmp	*tmp;		/* file, this one; NULL for --cat */
	uintmax_t	*tally;		/* adds up every byte received */
	int		 discard;	/* hashed only: an S3 store copies */
	char		*mem;
	size_t		 memlen, memcap;
	FILE		*spill;		/* --cat */
	off_t		 spilled;
	struct ll_hash	 hash;
	char		 sha[65], md5[33];
};

void	ll_body_begin(struct ll_body *);
int	ll_body_add(struct ll_body *, const char *, size_t, char *, size_t);
long long ll_body_copy(struct ll_body *, const char *, char *, size_t);
enum ll_xverdict ll_body_check(struct ll_body *, struct ll_listing *,
	    long long, const char *, int, char *, size_t);
void	ll_body_write(struct ll_body *);
void	ll_body_free(struct ll_body *);

#endif
