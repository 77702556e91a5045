/*
 * Files that appear complete or not at all: written under a hidden
 * temporary name in the target directory, synced, then renamed.
 * The temporary name starts with "." so that Hive-style readers
 * (Athena, Trino, Spark, DuckDB globs) never see a partial file.
 */
#ifndef LL_ATOMICFILE_H
#define LL_ATOMICFILE_H

#include <stdio.h>

struct ll_afile {
	char	*path;
	char	*tmp;
	FILE	*fp;
};

FILE	*ll_afile_open(struct ll_afile *, const char *);
FILE	*ll_afile_try(struct ll_afile *, const char *);
int	ll_afile_commit(struct ll_afile *);
int	ll_afile_commit_as(struct ll_afile *, const char *);
void	ll_afile_abort(struct ll_afile *);
int	ll_afile_syncdir(const char *);
int	ll_afile_mkdirs(const char *, int);

#endif
