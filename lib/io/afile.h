/*
 * Files that appear complete or not at all: written under a hidden
 * temporary name in the target folder, synced, then renamed, all
 * relative to the folder's descriptor.  The temporary name starts with
 * "." so that Hive-style readers (Athena, Trino, Spark, DuckDB globs)
 * never see a partial file; it is locked while written (lib/io/dir.h),
 * so a later run can remove what a killed one left.  Files get mode
 * 0666 less the umask.
 */
#ifndef LL_ATOMICFILE_H
#define LL_ATOMICFILE_H

#include <stdio.h>

struct ll_afile {
	int	 dfd;		/* the folder, owned */
	char	*name;		/* the final name in it */
	char	*tmp;		/* the temporary name in it */
	FILE	*fp;
};

FILE	*ll_afile_open(struct ll_afile *, const char *);
FILE	*ll_afile_try(struct ll_afile *, const char *);
FILE	*ll_afile_tryat(struct ll_afile *, int, const char *);
int	ll_afile_commit(struct ll_afile *);
int	ll_afile_commit_as(struct ll_afile *, const char *);
void	ll_afile_abort(struct ll_afile *);
int	ll_afile_is_tmp(const char *, void *);
int	ll_afile_mkdirs(const char *, int);
int	ll_afile_unnamed(const char *);

#endif
