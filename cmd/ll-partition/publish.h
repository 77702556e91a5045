/*
 * A lake on S3 (-o s3://BUCKET/PREFIX/).  Files are built in a local
 * stage folder (-D) exactly as in a local lake, then uploaded
 * write-once (lib/aws/upload.h): each data file's key sidecar first,
 * then the file itself, which is then removed from the stage.  A
 * partition is reported for ll-register only once every file it got
 * is on S3.  The sidecars stay in the stage, and on S3 beside the
 * data as hidden objects (.part-HASH.keys, which Athena, Hive, Spark
 * and Trino skip), so that de-duplication works from any machine and
 * survives the loss of the stage: when a partition is first touched,
 * its S3 listing says which files it holds, and the sidecars of those
 * the stage lacks are downloaded.  Files a killed run left in the
 * stage are uploaded by the next run.
 */
#ifndef LL_PUBLISH_H
#define LL_PUBLISH_H

#include <stddef.h>
#include <stdint.h>

#include "aws/engine.h"
#include "aws/s3.h"
#include "aws/upload.h"
#include "partwrite.h"

struct ll_publish {
	const char	*url;		/* -o: s3://BUCKET/PREFIX/ */
	const char	*stage;		/* -D: the local tree */
	const char	*table;
	struct ll_engine_opts eo;
	long long	 partsize;	/* -X */
	/* private */
	char		*bucket, *prefix;	/* PREFIX is "" or ends in / */
	char		*journal;
	struct ll_s3conf conf;
	struct ll_engine *engine;
	struct ll_uploader up;
	unsigned	 inflight;
	unsigned	 turns;
};

int	ll_publish_is_s3(const char *);
void	ll_publish_open(struct ll_publish *);
void	ll_publish_resume(struct ll_publish *, struct ll_partw *);
void	ll_publish_remote(struct ll_publish *, struct ll_part *);
int	ll_publish_has(void *, const char *, size_t);
void	ll_publish_file(struct ll_publish *, struct ll_part *, const char *,
	    const char *, uintmax_t);
void	ll_publish_pump(struct ll_publish *);
void	ll_publish_finish(struct ll_publish *);
void	ll_publish_forget(struct ll_part *);
void	ll_publish_close(struct ll_publish *);

#endif
