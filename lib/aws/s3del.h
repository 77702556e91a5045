/*
 * S3 DeleteObject through the request engine (its retries, backoff and
 * signing), waited for.  S3 answers 204 whether or not the key was
 * there, so deleting twice is no error; a 404 is taken the same way.
 */
#ifndef LL_S3DEL_H
#define LL_S3DEL_H

#include <stddef.h>

#include "aws/engine.h"
#include "aws/s3.h"

int	ll_s3_delete(struct ll_engine *, struct ll_s3conf *, const char *,
	    const char *, size_t, char *, size_t);

#endif
