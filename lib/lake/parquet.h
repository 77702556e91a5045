/*
 * A streaming Parquet writer for flat tables of nullable columns:
 * strings (BYTE_ARRAY, UTF8), booleans, 64-bit integers and instants
 * (INT64 TIMESTAMP in milliseconds, adjusted to UTC).  Rows are added
 * one at a time and buffered column by column, compressed page by page
 * (gzip or ZSTD, opts.codec, in a thread); a row group is written
 * whenever its encoded, uncompressed bytes reach opts.rowgroup, so
 * memory stays bounded whatever the input.  ll_parquet_size, the bytes written plus those of
 * the row group in progress, is the file's size overestimated; compared
 * with the size its caller acts on, it depends on the rows only, like
 * the bytes of the file.
 * String columns are dictionary encoded (RLE_DICTIONARY) until the
 * dictionary stops paying, then DELTA_LENGTH_BYTE_ARRAY or PLAIN;
 * integers and instants are DELTA_BINARY_PACKED.  With opts.sort, a
 * row group's rows are held (as many bytes again) and written sorted,
 * which puts like values together for gzip and the encodings; with
 * opts.threads 2, a row group is sorted, encoded and written by a
 * thread while the next one's rows are held (and ll_parquet_flush
 * starts on the last), so up to two row groups' rows are held.  The
 * footer (Thrift compact) goes out on close.
 */
#ifndef LL_PARQUET_H
#define LL_PARQUET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The largest value accepted: page sizes are 32-bit in the format. */
#define LL_PQ_MAXVALUE	((size_t)1 << 30)

enum ll_parquet_type {
	LL_PQ_STRING,
	LL_PQ_BOOLEAN,
	LL_PQ_INT64,
	LL_PQ_TIMESTAMP		/* milliseconds since the epoch, UTC */
};

/* Page codecs, by their numbers in parquet.thrift. */
enum ll_parquet_codec {
	LL_PQ_GZIP = 2,
	LL_PQ_ZSTD = 6
};

struct ll_parquet_col {
	const char	*name;
	enum ll_parquet_type	 type;
};

struct ll_parquet_opts {
	size_t		 rowgroup;	/* uncompressed bytes per row group */
	const size_t	*sort;		/* sort a row group's rows by these */
	size_t		 nsort;		/* columns, or 0: as they come */
	size_t		 page;		/* value bytes per data page */
	size_t		 page_rows;	/* values per data page */
	size_t		 dict;		/* dictionary bytes, then plain */
	int		 codec;		/* LL_PQ_GZIP (default) or LL_PQ_ZSTD */
	int		 level;		/* its level: gzip 1-12, ZSTD 1-19 */
	int		 threads;	/* 2: encode, compress in threads */
};

struct ll_pq;

void	ll_parquet_defaults(struct ll_parquet_opts *);
struct ll_pq *ll_parquet_open(FILE *, const struct ll_parquet_col *, size_t,
	    const struct ll_parquet_opts *);
void	ll_parquet_null(struct ll_pq *, size_t);
int	ll_parquet_str(struct ll_pq *, size_t, const char *, size_t);
void	ll_parquet_bool(struct ll_pq *, size_t, int);
void	ll_parquet_int(struct ll_pq *, size_t, int64_t);
int	ll_parquet_row(struct ll_pq *);
void	ll_parquet_flush(struct ll_pq *);
uint64_t ll_parquet_size(struct ll_pq *, uint64_t);
uint64_t ll_parquet_rows(const struct ll_pq *);
int	ll_parquet_close(struct ll_pq *, uint64_t *);
void	ll_parquet_free(struct ll_pq *);

#endif
