/*
 * The small XML answers of S3's write requests, read whole once they
 * have arrived: InitiateMultipartUploadResult (the UploadId),
 * CompleteMultipartUploadResult, CopyObjectResult and CopyPartResult
 * (an ETag), ListMultipartUploadsResult (Upload entries), and the
 * Error document S3 may send with a 200 status to a request that
 * failed after it began.  The text of the root's children and of its
 * children's children is kept; nothing deeper.
 */
#ifndef LL_S3XML_H
#define LL_S3XML_H

#include <stddef.h>

struct ll_s3xml;

struct ll_s3xml *ll_s3xml_parse(const char *, size_t);
const char *ll_s3xml_root(const struct ll_s3xml *);
const char *ll_s3xml_get(const struct ll_s3xml *, const char *);
size_t	ll_s3xml_nitems(const struct ll_s3xml *);
const char *ll_s3xml_item(const struct ll_s3xml *, size_t, const char *);
const char *ll_s3xml_item_name(const struct ll_s3xml *, size_t);
void	ll_s3xml_free(struct ll_s3xml *);

#endif
