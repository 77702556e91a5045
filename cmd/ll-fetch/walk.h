/*
 * Listing a source: an S3 bucket (ListObjectsV2 through the request
 * engine) or a local directory taken as a bucket root.  Without a
 * date window everything under the prefix is listed.  With one, the
 * walk descends directory by directory until a YYYY/ level and then
 * lists only YYYY/MM/DD/ prefixes inside the window, which is how
 * both AWSLogs/.../REGION/YYYY/MM/DD/ and Firehose YYYY/MM/DD/HH/
 * layouts are pruned.
 */
#ifndef LL_WALK_H
#define LL_WALK_H

#include <stddef.h>
#include <stdint.h>

#include "aws/s3.h"
#include "aws/engine.h"

struct ll_walk_obj {
	const char	*url;
	const char	*bucket;
	const char	*key;
	size_t		 keylen;
	long long	 size;
	const char	*etag;		/* NULL for local files */
	const char	*mtime;		/* ISO-8601 UTC */
};

struct ll_walk {
	int		 window;	/* from/to are set */
	long		 from, to;	/* days since 1970-01-01, inclusive */
	const char	*start_after;
	struct ll_engine *engine;
	const struct ll_s3conf *conf;
	void		(*emit)(void *, const struct ll_walk_obj *);
	void		*arg;
	uintmax_t	 requests;
	uintmax_t	 outside;	/* objects above the date level */
	uintmax_t	 failed;	/* listings that failed */
};

void	ll_walk_s3(struct ll_walk *, const char *, const char *);
void	ll_walk_local(struct ll_walk *, const char *);

#endif
