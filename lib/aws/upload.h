/*
 * Objects written to S3 write-once, through the request engine (its
 * connections, concurrency, retries with backoff, timeouts and
 * signing): a local file uploaded, or an S3 object copied server-side.
 *
 * A write carries If-None-Match: *, so S3 itself refuses to replace an
 * object (412).  The object there is then compared with ours: the same
 * size and SHA-256 (the x-amz-meta-ll-sha256 every write here sets) or,
 * lacking that, the same single-part ETag, is "present"; anything else
 * is a conflict, reported and left alone.  Uploads carry Content-MD5
 * and S3 checks the bytes against it.  Above a size (partsize) a file
 * goes in parts, each retried on its own, and the object appears only
 * when CompleteMultipartUpload succeeds; an upload that cannot be
 * completed is aborted.  A copy above 5 GiB (or copypart) is made of
 * UploadPartCopy requests the same way.
 */
#ifndef LL_UPLOAD_H
#define LL_UPLOAD_H

#include <stddef.h>
#include <stdint.h>

#include <curl/curl.h>

#include "aws/engine.h"
#include "aws/s3.h"

#define LL_UPLOAD_MINPART	(5LL << 20)	/* S3's smallest part */
#define LL_UPLOAD_MAXPARTS	10000
#define LL_UPLOAD_MAXCOPY	(5LL << 30)	/* CopyObject's largest */
#define LL_UPLOAD_META		"x-amz-meta-ll-sha256"

enum ll_upresult {
	LL_UP_STORED,		/* written by this run */
	LL_UP_PRESENT,		/* the same bytes were there already */
	LL_UP_CONFLICT,		/* other bytes are there, left alone */
	LL_UP_FAILED		/* msg says why */
};

struct ll_uploader {
	struct ll_engine *engine;
	struct ll_s3conf *conf;
	long long	 partsize;	/* files above it go in parts of it */
	long long	 copypart;	/* copies above it go in parts */
	const char	*journal;	/* folder noting multipart uploads */
	uintmax_t	 sent;		/* bytes of bodies sent */
};

struct ll_upart;

struct ll_upload {
	/* Set by the caller before ll_upload_file() or ll_upload_copy(). */
	struct ll_uploader *u;
	const char	*bucket;
	const char	*key;
	size_t		 keylen;
	const char	*what;		/* its name in messages */
	const char	*path;		/* a file: the local file */
	const char	*srcbucket;	/* a copy: the source object, */
	const char	*srckey;
	size_t		 srckeylen;
	const char	*srcetag;	/* copied only if its ETag is still this */
	struct curl_slist *meta;	/* a copy: Content-Type, x-amz-meta-... */
	void		(*done)(struct ll_upload *);
	void		*arg;
	/* A copy: set by the caller; a file: found by ll_upload_file(). */
	long long	 size;
	char		 sha[65];	/* SHA-256 of the bytes */
	/* The outcome, when done() is called. */
	enum ll_upresult result;
	int		 multipart;
	char		 msg[1024];	/* why it failed or how it differs */
	/* private */
	struct ll_xfer	 x;
	int		 step;
	int		 fd;
	char		 md5[33];	/* single part: the MD5 of the bytes */
	char		 etag[128];	/* the ETag the object should get */
	struct curl_slist *hdrs;
	char		*uploadid;
	char		*note;		/* its journal entry */
	struct ll_upart	*part;
	size_t		 nparts, partsleft;
	char		*body;		/* an answer */
	size_t		 bodylen;
	char		*req;		/* a request's body */
	char		 there_sha[65];	/* HEAD: what is there */
	char		 there_etag[128];
	long long	 there_size;
	char		 failmsg[1056];	/* "part N: " and an ll_xfer msg */
	char		 bodysha[65];
};

void	ll_upload_file(struct ll_upload *);
void	ll_upload_copy(struct ll_upload *);
void	ll_upload_free(struct ll_upload *);
unsigned ll_mpu_sweep(struct ll_uploader *, const char *, const char *,
	    int (*)(const char *, size_t), long);

#endif
