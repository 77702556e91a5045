/*
 * Rows written into the partitions of a readready table, one
 * directory each (lib/hive.h).  A partition has at most one data file
 * open, rolled at a target size, and at most maxopen partitions are
 * open at a time, the least recently used closed first: input that
 * spans many days still holds few files open and little memory.  A
 * row whose key the partition holds already is counted and left out
 * (lib/partkeys.h).  At the end every partition that got files is
 * reported as one record on standard output, for ll-register.
 */
#ifndef LL_PARTWRITE_H
#define LL_PARTWRITE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "io/afile.h"
#include "lake/ddl.h"
#include "json/jscan.h"
#include "lake/parquet.h"
#include "partkeys.h"
#include "pqrow.h"

struct ll_publish;

struct ll_partwrite_opts {
	const char	*out;		/* the tree's root directory */
	const char	*base;		/* its URL, for the records */
	const char	*table;
	enum ll_format	 fmt;
	struct ll_pqrow	*pr;		/* the columns, and a Parquet row */
	struct ll_parquet_opts pq;	/* pq.level: of JSON lines files too */
	long long	 target;	/* roll data files at this size */
	size_t		 maxopen;	/* partitions with a file open */
	int		 all;		/* report partitions of duplicates too */
	struct ll_publish *pub;		/* a lake on S3: OUT is the stage */
};

struct ll_part {
	char		*rel;		/* calendarday=2026-03-01 */
	char		*dir;		/* for messages */
	int		 dfd;		/* the folder, while active */
	json_t		*values;	/* partition key to value, to fill */
	uintmax_t	 files, records, dups, bytes;
	int		 active;	/* sidecars mapped */
	struct ll_partkeys keys;
	struct ll_afile	 af;
	FILE		*fp;		/* open data file, or NULL */
	struct ll_pq	*pq;		/* its Parquet writer */
	struct ll_jbuf	 blk;		/* JSON lines not yet compressed */
	uint64_t	 fbytes, lastuse;
	struct ll_pubset *remote;	/* S3: the files it holds there */
	unsigned	 pending, failed;	/* S3: uploads under way, failed */
	uintmax_t	 sent;		/* S3: files that are there now */
};

struct ll_partw;

struct ll_partw *ll_partwrite_new(const struct ll_partwrite_opts *);
struct ll_part *ll_partwrite_get(struct ll_partw *, const char *);
void	ll_partwrite_add(struct ll_partw *, struct ll_part *,
	    const struct ll_jval *, const char *, size_t);
void	ll_partwrite_finish(struct ll_partw *);

#endif
