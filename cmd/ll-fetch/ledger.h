/*
 * What a --get or --cat run says about each object besides its bytes:
 * the message, the counters for --stats, the manifest record (--get),
 * the --failures file, and in the end the exit status.  A failure is
 * kept apart from a refusal: the same listing record may succeed next
 * time, so it goes to the failures file for the next run, not to
 * --reject.  All of ll-fetch's outcomes are in the table in ledger.c.
 */
#ifndef LL_LEDGER_H
#define LL_LEDGER_H

#include <stdint.h>
#include <stdio.h>

#include "io/afile.h"
#include "listing.h"

enum ll_outcome {
	LL_O_STORED,		/* fetched and stored */
	LL_O_PRESENT,		/* the same object was stored already */
	LL_O_FOLDER,		/* a console folder marker: nothing to get */
	LL_O_BAD,		/* the record names no object to fetch */
	LL_O_UNSAFE,		/* the key would not stay below the store */
	LL_O_CONFLICT,		/* another object is stored under the name */
	LL_O_FAILED,		/* the fetch failed after its retries */
	LL_O_WRITTEN,		/* --cat: written to standard output */
	LL_O_LOCAL,		/* failed here: the disk, a link in the store */
	LL_O_VERBATIM		/* the key cannot be requested as it is */
};

struct ll_ledger {
	int		 manifest;	/* --get: one record per object */
	const char	*failpath;	/* --failures, or NULL */
	struct ll_afile	 failaf;
	FILE		*failfp;
	uintmax_t	 nok, nfailed, nlocal;
};

void	ll_ledger_open(struct ll_ledger *, int, const char *);
int	ll_ledger_note(struct ll_ledger *, const struct ll_listing *,
	    const char *, const char *, enum ll_outcome, const char *);
void	ll_ledger_close(struct ll_ledger *);

#endif
