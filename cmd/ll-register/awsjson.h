/*
 * Calls to AWS services that speak the JSON 1.1 protocol (Glue, and
 * the like): a POST with an X-Amz-Target header, signed with SigV4 by
 * libcurl.  Credentials come from the AWS SDKs' chain (lib/aws/creds),
 * region and endpoint from the usual AWS_* variables or the profile;
 * the secret is handed to libcurl and never printed.  Throttling, 5xx
 * answers and network errors are retried with exponential backoff; a
 * call refused because the credentials expired is made again once
 * with fresh ones.
 */
#ifndef LL_AWSJSON_H
#define LL_AWSJSON_H

#include <jansson.h>

struct ll_aws;

struct ll_aws *ll_awsjson_open(const char *, const char *, int,
	    const char **);
json_t	*ll_awsjson_call(struct ll_aws *, const char *, json_t *, char **);
void	ll_awsjson_retries(struct ll_aws *, int);
const char *ll_awsjson_endpoint(const struct ll_aws *);
void	ll_awsjson_close(struct ll_aws *);

#endif
