/*
 * A push parser for S3 ListObjectsV2 results and S3 error documents.
 * Bytes are fed as they arrive; at the end the page's objects, common
 * prefixes, continuation token and error code can be read.  Keys are
 * URL-decoded when the document says EncodingType=url.
 */
#ifndef LL_S3LIST_H
#define LL_S3LIST_H

#include <stddef.h>

struct ll_s3obj {
	const char	*key;
	size_t		 keylen;	/* keys may hold any byte but NUL */
	long long	 size;		/* -1 when absent */
	const char	*etag;		/* without quotes, or NULL */
	const char	*mtime;		/* LastModified as given, or NULL */
};

struct ll_s3list;

struct ll_s3list *ll_s3list_new(void);
int	ll_s3list_feed(struct ll_s3list *, const void *, size_t, int);
const char *ll_s3list_error(const struct ll_s3list *);
size_t	ll_s3list_nobjects(const struct ll_s3list *);
const struct ll_s3obj *ll_s3list_object(const struct ll_s3list *, size_t);
size_t	ll_s3list_nprefixes(const struct ll_s3list *);
const char *ll_s3list_prefix(const struct ll_s3list *, size_t, size_t *);
int	ll_s3list_truncated(const struct ll_s3list *);
const char *ll_s3list_token(const struct ll_s3list *);
const char *ll_s3list_code(const struct ll_s3list *);
const char *ll_s3list_message(const struct ll_s3list *);
void	ll_s3list_free(struct ll_s3list *);

#endif
