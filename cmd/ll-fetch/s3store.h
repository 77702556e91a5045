/*
 * The raw store on S3 (--store s3://BUCKET/PREFIX/): an object of
 * s3://SRC/KEY goes to s3://BUCKET/PREFIX/SRC/KEY, the layout of a
 * local store, write-once.  A HEAD first tells whether the object is
 * there already (same size, ETag and SHA-256: present; other bytes: a
 * conflict).  An S3 source is then read once through SHA-256, the
 * manifest's digest, and copied server-side (CopyObject, UploadPartCopy
 * above 5 GiB) on condition that its ETag is still the one read; a
 * local source is uploaded (lib/aws/upload.h).
 */
#ifndef LL_S3STORE_H
#define LL_S3STORE_H

#include <stddef.h>

#include <curl/curl.h>

#include "aws/engine.h"
#include "aws/s3.h"
#include "aws/upload.h"
#include "store.h"

struct ll_fetch_obj;

struct ll_s3store {
	char		*bucket;
	char		*prefix;	/* "" or ending in / */
	struct ll_uploader up;
};

/* One object's way into the store. */
struct ll_s3put {
	struct ll_xfer	 x;		/* the HEAD */
	struct ll_upload up;
	struct curl_slist *meta;	/* the source's headers, for the copy */
	char		*key;
	size_t		 keylen;
	enum ll_presence pres;
	long long	 size;		/* what is there */
	char		 etag[128];
	char		 sha[65];
};

int	ll_s3store_is(const char *);
void	ll_s3store_open(struct ll_s3store *, const char *, struct ll_engine *,
	    struct ll_s3conf *, long long, long long);
void	ll_s3store_close(struct ll_s3store *);
void	ll_s3store_get(struct ll_s3store *, struct ll_fetch_obj *);
void	ll_s3store_begin(struct ll_fetch_obj *);
void	ll_s3store_header(struct ll_fetch_obj *, const char *, size_t,
	    const char *, size_t);
void	ll_s3store_fetched(struct ll_fetch_obj *);
void	ll_s3store_free(struct ll_fetch_obj *);

#endif
