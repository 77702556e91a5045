/*
 * What an S3 key says about the object under it: CloudTrail log
 * files and digests ([prefix/]AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/
 * REGION/YYYY/MM/DD/FILE, or the same from any of its folders down when
 * the key has no AWSLogs folder, as in a local copy rooted at AWSLogs/
 * or at an account's folder) and Firehose objects ([prefix]YYYY/MM/DD/
 * HH/STREAM-N-YYYY-MM-DD-HH-MM-SS-ID).  A pure function of the key
 * bytes: no allocation, fixed-size results, empty strings for unknown
 * parts.
 */
#ifndef LL_S3KEY_H
#define LL_S3KEY_H

#include <stddef.h>

enum ll_s3kind {
	LL_S3K_OTHER,
	LL_S3K_CLOUDTRAIL,
	LL_S3K_DIGEST,
	LL_S3K_FIREHOSE
};

struct ll_s3key {
	enum ll_s3kind	kind;
	char		org[35];	/* o-xxxxxxxxxx, or "" */
	char		account[13];	/* 12 digits, or "" */
	char		region[33];	/* us-east-1, or "" */
	char		day[11];	/* YYYY-MM-DD, or "" */
	char		hour[3];	/* HH (Firehose only), or "" */
};

void	ll_s3key_parse(const char *, size_t, struct ll_s3key *);
const char *ll_s3key_kind(enum ll_s3kind);

#endif
