/*
 * Talking to S3: where a bucket lives (AWS or a custom endpoint, from
 * the standard environment variables), how keys and listing queries
 * are encoded for AWS Signature V4, and a curl handle set up to sign.
 * A bucket found to be in another region than the configured one (S3
 * answers 301 or 400 naming it in x-amz-bucket-region) is remembered,
 * so one run can read buckets of several regions.  Credentials come
 * from lib/aws/creds (the AWS SDKs' chain); each request holds the set
 * it was signed with until it ends, so that a long run signs every
 * request with a fresh one.  Nothing prints a secret.
 */
#ifndef LL_S3_H
#define LL_S3_H

#include <stddef.h>

#include <curl/curl.h>

#include "aws/creds.h"

/* A bucket, the region it is in, and the libcurl signing string. */
struct ll_s3where {
	char	*bucket;
	char	*region;
	char	*sigv4;		/* "aws:amz:REGION:s3" */
};

struct ll_s3conf {
	char	*endpoint;	/* custom endpoint, path-style; or NULL */
	struct ll_s3where home;	/* AWS_REGION, for every other bucket */
	struct ll_s3where *moved;	/* buckets found elsewhere */
	size_t	 nmoved;
	struct ll_creds *creds;
	char	*cabundle;
};

/* What one request holds while it runs. */
struct ll_s3sign {
	struct ll_cred	*cred;		/* NULL: unsigned */
	struct curl_slist *headers;
};

void	ll_s3_conf_init(struct ll_s3conf *, int);
void	ll_s3_conf_free(struct ll_s3conf *);
const char *ll_s3_region(const struct ll_s3conf *, const char *);
int	ll_s3_move(struct ll_s3conf *, const char *, const char *,
	    const char *, char **);
void	ll_s3_setup(CURL *, const struct ll_s3conf *, const char *,
	    struct ll_s3sign *, const char *, const struct curl_slist *);
void	ll_s3_release(struct ll_s3sign *);
int	ll_s3_split(const char *, char **, char **);
int	ll_s3_bucket_ok(const char *);
char	*ll_s3_object_url(const struct ll_s3conf *, const char *,
	    const char *, size_t);
char	*ll_s3_enc(const char *, size_t, int);
char	*ll_s3_query_url(const struct ll_s3conf *, const char *, const char *,
	    size_t, const char *);
char	*ll_s3_list_url(const struct ll_s3conf *, const char *, const char *,
	    size_t, int, const char *, const char *);

#endif
