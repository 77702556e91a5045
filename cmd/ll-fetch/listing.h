/*
 * The listing record: what ll-fetch --list writes for each object and
 * --get and --cat read back, usually after ll-filter has chosen among
 * them.  Both directions live here so that the fields, and the checks
 * a record must pass before anything is requested for it, are defined
 * in one place.
 */
#ifndef LL_LISTING_H
#define LL_LISTING_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "walk.h"

struct ll_listing {
	const char	*file;		/* where the record was read */
	uintmax_t	 lineno;
	char		*line;		/* as read: for --reject, --failures */
	size_t		 linelen;
	char		*url;
	char		*shown;		/* the URL, safe to print */
	char		*bucket;
	char		*key;		/* may hold NUL bytes: see keylen */
	size_t		 keylen;
	char		*local;		/* file:// path, or NULL */
	char		*etag;		/* NULL when unknown */
	long long	 size;		/* -1 when unknown */
	/* A digest's x-amz-meta-signature(-algorithm), once fetched. */
	char		*sig;
	char		*sigalg;
};

int	ll_listing_emit(const struct ll_walk_obj *);
const char *ll_listing_read(struct ll_listing *, json_t *, int);
const char *ll_listing_verbatim(const struct ll_listing *);
void	ll_listing_free(struct ll_listing *);
json_t	*ll_listing_str(const char *);

#endif
