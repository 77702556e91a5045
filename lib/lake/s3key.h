/*
 * What an S3 key says about the object under it, by the key patterns
 * of the sources (lib/lake/source.h): the kind of object (a source's
 * records, or another object a source writes, such as a CloudTrail
 * digest), and the organization, account, region, day and hour the
 * key states.  A pure function of the key bytes: no allocation,
 * fixed-size results, empty strings for parts the key does not state.
 */
#ifndef LL_S3KEY_H
#define LL_S3KEY_H

#include <stddef.h>

/*
 * A kind of object and the keys it has, in the pattern language of
 * ll(7) SOURCES: "AWSLogs/[{org}/]{account}/CloudTrail/{region}/
 * {year}/{month}/{day}/{account}_CloudTrail_{region}_*.json.gz".
 */
struct ll_keypat {
	const char	*kind;		/* the listing's "kind" */
	const char	*pattern;
	int		 records;	/* objects of the source's records */
};

struct ll_s3key {
	const char	*kind;		/* a pattern's kind, or "other" */
	const struct ll_source *source;	/* whose pattern, or NULL */
	int		 records;	/* the object holds records */
	char		 org[35];	/* o-xxxxxxxxxx, or "" */
	char		 account[13];	/* 12 digits, or "" */
	char		 region[33];	/* us-east-1, or "" */
	char		 day[11];	/* YYYY-MM-DD, or "" */
	char		 hour[3];	/* HH, or "" */
};

void	ll_s3key_parse(const char *, size_t, struct ll_s3key *);
int	ll_s3key_fields(const char *);

/* Fields a pattern may hold, as ll_s3key_fields reports them. */
#define LL_S3KEY_ORG		0x01
#define LL_S3KEY_ACCOUNT	0x02
#define LL_S3KEY_REGION		0x04
#define LL_S3KEY_DAY		0x08
#define LL_S3KEY_HOUR		0x10

#endif
