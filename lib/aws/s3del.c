/*
 * One DELETE request run to its end from the caller's loop, as the
 * uploads' calls are (lib/aws/mpu.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/engine.h"
#include "aws/s3.h"
#include "aws/s3del.h"
#include "xalloc.h"

struct del {
	struct ll_xfer	 x;
	int		 done;
};

static void
d_begin(struct ll_xfer *x)
{
	(void)x;
}

/* DeleteObject's answer has no body worth reading. */
static int
d_body(struct ll_xfer *x, const char *buf, size_t n)
{
	(void)x;
	(void)buf;
	(void)n;
	return 0;
}

static enum ll_xverdict
d_check(struct ll_xfer *x)
{
	(void)x;
	return LL_X_OK;
}

static void
d_done(struct ll_xfer *x, enum ll_xverdict v)
{
	struct del *d = x->arg;

	d->done = v == LL_X_OK ? 1 : -1;
}

static const struct ll_xfer_ops del_ops = { d_begin, d_body, d_check,
	d_done, NULL };

/*
 * Deletes KEY (KEYLEN bytes) of BUCKET; 0 when it is gone, else -1
 * with the reason in MSG.
 */
int
ll_s3_delete(struct ll_engine *e, struct ll_s3conf *conf, const char *bucket,
    const char *key, size_t keylen, char *msg, size_t msglen)
{
	struct del d;
	char *what;

	memset(&d, 0, sizeof(d));
	what = xasprintf("s3://%s/%.*s", bucket, (int)keylen, key);
	d.x.ops = &del_ops;
	d.x.arg = &d;
	d.x.bucket = bucket;
	d.x.what = what;
	d.x.method = "DELETE";
	d.x.sendfd = -1;
	d.x.url = ll_s3_object_url(conf, bucket, key, keylen);
	ll_engine_add(e, &d.x);
	while (d.done == 0)
		ll_engine_step(e, NULL, 0, 500);
	if (d.done == -1 && d.x.status == 404)
		d.done = 1;
	if (d.done == -1)
		snprintf(msg, msglen, "%s", d.x.msg);
	free(what);
	return d.done == 1 ? 0 : -1;
}
