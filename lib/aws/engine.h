/*
 * Concurrent HTTP requests with retries: a libcurl multi handle run
 * from the caller's loop, at most N requests at once, at most R
 * started per second, and each failed attempt that may succeed later
 * (5xx, SlowDown, timeouts, resets, short bodies) tried again after
 * an exponential backoff with jitter, up to a retry limit.
 */
#ifndef LL_XFER_H
#define LL_XFER_H

#include <curl/curl.h>

#include "aws/s3.h"

enum ll_xverdict { LL_X_OK, LL_X_RETRY, LL_X_FAIL };

struct ll_xfer;

struct ll_xfer_ops {
	/* Before every attempt: start the body sink afresh. */
	void	(*begin)(struct ll_xfer *);
	/* Body bytes of a 2xx answer; -1 stops the transfer (local error). */
	int	(*body)(struct ll_xfer *, const char *, size_t);
	/* After a complete 2xx answer: is the body right? */
	enum ll_xverdict (*check)(struct ll_xfer *);
	/* Once, at the end: LL_X_OK or LL_X_FAIL with msg set. */
	void	(*done)(struct ll_xfer *, enum ll_xverdict);
	/* Optional: each response header, name and value apart. */
	void	(*header)(struct ll_xfer *, const char *, size_t, const char *,
		    size_t);
};

struct ll_xfer {
	const struct ll_xfer_ops *ops;
	void		*arg;
	char		*url;		/* request URL, freed by the engine */
	const char	*bucket;	/* S3 bucket, for its region; or NULL */
	const char	*what;		/* name in messages (no secrets) */
	/* A request other than a GET (lib/aws/upload.c), all the caller's: */
	const char	*method;	/* PUT, POST, HEAD, DELETE; NULL: GET */
	struct curl_slist *hdrs;	/* more request headers, or NULL */
	const char	*payload;	/* the body's hex SHA-256; NULL: empty */
	const char	*sendmem;	/* the body: these SENDLEN bytes, */
	int		 sendfd;	/* or, SENDMEM NULL, SENDLEN of this */
	long long	 sendoff;	/* file from SENDOFF (PUT only) */
	long long	 sendlen;
	long long	 sent;		/* bytes of the body sent this attempt */
	int		 attempts;
	int		 moves;		/* to the bucket's region */
	int		 renewed;	/* retried with fresh credentials */
	long		 status;	/* HTTP status of the last attempt */
	long long	 clen;		/* Content-Length, or -1 */
	long long	 got;		/* body bytes of the last attempt */
	char		 etag[128];	/* response ETag without quotes */
	int		 kms;		/* SSE-KMS: the ETag is no MD5 */
	/* A CloudTrail digest's signature, S3 metadata; "" when none. */
	char		 meta_sig[1040];	/* x-amz-meta-signature */
	char		 meta_alg[64];	/* x-amz-meta-signature-algorithm */
	int		 localerr;	/* body() failed */
	char		 msg[1024];	/* why the last attempt failed */
	/* engine state */
	CURL		*easy;
	double		 due;
	double		 last;		/* when a byte last arrived */
	char		*errbody;
	size_t		 errlen;
	char		 region[64];	/* x-amz-bucket-region */
	char		 asked[64];	/* the region the attempt was sent to */
	struct ll_s3sign sign;		/* the attempt's credentials */
	int		 expired;	/* refused: the credentials expired */
	char		 curlerr[CURL_ERROR_SIZE];
	struct ll_xfer	*next;
};

struct ll_engine_opts {
	int	 jobs;
	double	 rate;		/* requests per second; 0: no cap */
	int	 retries;
	long	 backoff_ms;	/* first retry delay */
	long	 timeout_s;	/* no byte for this long: the attempt failed */
	int	 verbose;
};

struct ll_engine;

struct ll_engine *ll_engine_new(const struct ll_engine_opts *,
	    struct ll_s3conf *);
void	ll_engine_add(struct ll_engine *, struct ll_xfer *);
unsigned ll_engine_load(const struct ll_engine *);
int	ll_engine_step(struct ll_engine *, const int *, int, int);
void	ll_engine_free(struct ll_engine *);
double	ll_engine_now(void);

#endif
