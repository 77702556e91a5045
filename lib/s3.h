/*
 * Talking to S3: where a bucket lives (AWS or a custom endpoint, from
 * the standard environment variables), how keys and listing queries
 * are encoded for AWS Signature V4, and a curl handle set up to sign.
 * Secrets stay in this structure and in libcurl; nothing prints them.
 */
#ifndef LL_S3_H
#define LL_S3_H

#include <stddef.h>

#include <curl/curl.h>

struct ll_s3conf {
	char	*endpoint;	/* custom endpoint, path-style; or NULL */
	char	*region;
	char	*akid;		/* NULL: unsigned (anonymous) requests */
	char	*secret;
	char	*sigv4;		/* "aws:amz:REGION:s3" */
	char	*cabundle;
	struct curl_slist *headers;
};

void	ll_s3conf_init(struct ll_s3conf *);
void	ll_s3conf_free(struct ll_s3conf *);
void	ll_s3_setup(CURL *, const struct ll_s3conf *);
int	ll_s3_split(const char *, char **, char **);
int	ll_s3_bucket_ok(const char *);
char	*ll_s3_object_url(const struct ll_s3conf *, const char *,
	    const char *, size_t);
char	*ll_s3_list_url(const struct ll_s3conf *, const char *, const char *,
	    size_t, int, const char *, const char *);

#endif
