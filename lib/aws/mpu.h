/*
 * Between upload.c and mpu.c, the multipart half of an upload: the
 * parts planned and hashed, CreateMultipartUpload, the parts (from the
 * file, or UploadPartCopy), CompleteMultipartUpload, and the abort of
 * an upload that cannot be completed.  Each multipart upload begun is
 * noted in the uploader's journal folder until it is completed or
 * aborted, so that the next run can abort one a killed run left.
 */
#ifndef LL_MPU_H
#define LL_MPU_H

#include "aws/upload.h"

/* Steps of an upload (ll_upload.step). */
enum {
	LL_UPS_PUT, LL_UPS_COPY, LL_UPS_HEAD, LL_UPS_CREATE, LL_UPS_COMPLETE,
	LL_UPS_ABORT
};

struct ll_upart {
	struct ll_xfer	 x;
	struct ll_upload *p;
	int		 num;		/* 1, 2, ... */
	long long	 off, len;
	char		 md5[33];	/* a file's part: its MD5 */
	char		 etag[128];	/* what S3 answered */
	char		*body;		/* UploadPartCopy's answer */
	size_t		 bodylen;
	int		 fd;
	int		 ok;
	char		*what;
};

void	ll_mpu_plan(struct ll_upload *, long long);
void	ll_mpu_start(struct ll_upload *);
enum ll_xverdict ll_mpu_check(struct ll_upload *);
void	ll_mpu_done(struct ll_upload *, enum ll_xverdict);
void	ll_mpu_free(struct ll_upload *);

/* upload.c, for mpu.c */
struct ll_xfer *ll_upload_prep(struct ll_upload *, int, const char *,
	    char *);
void	ll_upload_end(struct ll_upload *, enum ll_upresult, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	ll_upload_head(struct ll_upload *);
int	ll_upload_collect(char **, size_t *, const char *, size_t, char *,
	    size_t);
enum ll_xverdict ll_upload_answer(const char *, size_t, const char *,
	    char *, size_t);
void	ll_upload_hdr(struct curl_slist **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
