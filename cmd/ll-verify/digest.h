/*
 * CloudTrail digest files: the JSON document CloudTrail writes every
 * hour for each account and region, and the name it gives it.  Both
 * are untrusted bytes; the parsers copy only what they have checked
 * and say why they refuse the rest.  The string that CloudTrail signs
 * is built here too, from the document's own field values.
 */
#ifndef LL_VERIFY_DIGEST_H
#define LL_VERIFY_DIGEST_H

#include <stddef.h>
#include <stdint.h>

struct ll_digest_log {
	char	*bucket;
	char	*key;
	char	 hash[65];	/* hex SHA-256 of the uncompressed file */
};

struct ll_digest {
	char	*account;
	char	*bucket;	/* digestS3Bucket */
	char	*key;		/* digestS3Object */
	char	*start;		/* digestStartTime, as written */
	char	*end;		/* digestEndTime, as written */
	int64_t	 tstart, tend;	/* the same, seconds since the epoch */
	char	 fingerprint[33];
	char	*prev_bucket;	/* NULL when the chain starts here */
	char	*prev_key;
	char	*prev_sig;	/* hex, as written */
	char	 prev_hash[65];	/* "" when the chain starts here */
	struct ll_digest_log *logs;
	size_t	 nlogs;
};

/* What a digest's file name says. */
struct ll_digest_name {
	char	 trail[129];
	char	 home[33];	/* the trail's home region */
	int64_t	 tend;		/* the end time in the name */
	int	 backfill;	/* ..._backfill.json.gz */
};

#define LL_DIGEST_WHY	160

int	ll_digest_parse(const char *, size_t, struct ll_digest *,
	    char [LL_DIGEST_WHY]);
void	ll_digest_free(struct ll_digest *);
char	*ll_digest_tosign(const struct ll_digest *, const char *, size_t *);
int	ll_digest_name_parse(const char *, size_t, const char *, const char *,
	    struct ll_digest_name *);
char	*ll_digest_key(const char *, size_t, const char *, const char *,
	    const struct ll_digest_name *, int64_t);
int	ll_digest_logtime(const char *, size_t, int64_t *);
int	ll_digest_hex(const char *, size_t, size_t);
void	ll_digest_isotime(int64_t, char [21]);

#endif
