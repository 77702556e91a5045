/*
 * AWS credentials found the way the AWS SDKs find them, in their
 * order: the environment, the shared config and credentials files
 * (AWS_PROFILE: static keys, credential_process, role_arn through STS
 * AssumeRole), web identity (AWS_WEB_IDENTITY_TOKEN_FILE), the
 * ECS/EKS container endpoint, and EC2 instance metadata (IMDSv2).
 * Temporary credentials are refreshed before they expire; every
 * request takes a set with ll_creds_get() and gives it back with
 * ll_creds_put(), so a long run signs each request with a fresh set.
 * The functions may be called from several threads at once.  Nothing
 * here prints a secret, a token, or more than the last four
 * characters of a key id.
 */
#ifndef LL_AWS_CREDS_H
#define LL_AWS_CREDS_H

#include <stdatomic.h>
#include <time.h>

/* One set of credentials: immutable once made, shared by reference. */
struct ll_cred {
	char		*akid;
	char		*secret;
	char		*token;		/* session token, or NULL */
	time_t		 got;		/* when it was obtained */
	time_t		 expires;	/* 0: does not expire */
	unsigned	 gen;		/* which set of the run: 1, 2, ... */
	atomic_int	 refs;
};

#define LL_CREDS_VERBOSE	0x01	/* say on stderr where they came from */
#define LL_CREDS_UNSIGNED	0x02	/* --no-sign-request: none at all */
#define LL_CREDS_MAY_UNSIGN	0x04	/* the tool has --no-sign-request */

struct ll_creds;

struct ll_creds *ll_creds_new(int);
struct ll_cred *ll_creds_get(struct ll_creds *);
void	ll_creds_put(struct ll_cred *);
int	ll_creds_expired(struct ll_creds *, struct ll_cred *);
int	ll_creds_expired_code(const char *);
void	ll_creds_free(struct ll_creds *);
char	*ll_creds_region(void);

#endif
