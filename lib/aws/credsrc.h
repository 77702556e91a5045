/*
 * The places credentials are fetched from, one function each.  Each
 * returns a new set (references: 1), or NULL with the reason in ERR;
 * reasons name the source and never hold a secret.  Used by creds.c,
 * which decides which to ask and when.
 */
#ifndef LL_AWS_CREDSRC_H
#define LL_AWS_CREDSRC_H

#include <stddef.h>

#include "aws/creds.h"

struct ll_sts_req {
	const char	*action;	/* AssumeRole, AssumeRoleWithWebIdentity */
	const char	*role_arn;
	const char	*session;
	const char	*external_id;	/* or NULL */
	const char	*web_token;	/* AssumeRoleWithWebIdentity */
	long		 duration;	/* seconds; 0: the service's default */
	const char	*region;
};

struct ll_cred *ll_credsrc_new(const char *, const char *, const char *,
	    time_t);
struct ll_cred *ll_credsrc_process(const char *, char *, size_t);
struct ll_cred *ll_credsrc_sts(const struct ll_sts_req *,
	    const struct ll_cred *, char *, size_t);
struct ll_cred *ll_credsrc_container(const char *, char *, size_t);
struct ll_cred *ll_credsrc_imds(const char *, char *, size_t, char *,
	    size_t);
char	*ll_credsrc_readtoken(const char *, char *, size_t);

#endif
