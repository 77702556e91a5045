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

struct dg_logfile {
	char	*bucket;
	char	*key;
	char	 hash[65];	/* hex SHA-256 of the uncompressed file */
};

struct dg_doc {
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
	struct dg_logfile *logs;
	size_t	 nlogs;
};

/* What a digest's file name says. */
struct dg_name {
	char	 trail[129];
	char	 home[33];	/* the trail's home region */
	int64_t	 tend;		/* the end time in the name */
	int	 backfill;	/* ..._backfill.json.gz */
};

#define DG_WHY	160

int	dg_parse(const char *, size_t, struct dg_doc *, char [DG_WHY]);
void	dg_free(struct dg_doc *);
char	*dg_tosign(const struct dg_doc *, const char *, size_t *);
int	dg_name_parse(const char *, size_t, const char *, const char *,
	    struct dg_name *);
char	*dg_name_key(const char *, size_t, const char *, const char *,
	    const struct dg_name *, int64_t);
int	dg_logtime(const char *, size_t, int64_t *);
int	dg_hex(const char *, size_t, size_t);
void	dg_isotime(int64_t, char [21]);

#endif
