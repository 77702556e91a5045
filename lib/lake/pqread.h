/*
 * A Parquet reader for flat tables: the lake's own files, and any
 * file of flat nullable columns in the types and encodings listed in
 * pqread.c.  Anything else is refused when the file is opened, with a
 * message saying what, never skipped.  A file is opened once (its
 * footer parsed); its row groups are then read through cursors, one
 * per thread, a row at a time, each column's value available for
 * tests and the row as a JSON object.  Memory is bounded by a row
 * group's compressed column chunks and one page per column.
 */
#ifndef LL_PQREAD_H
#define LL_PQREAD_H

#include <stddef.h>
#include <stdint.h>

#include "json/jscan.h"

/* What a column's values are, once read. */
enum ll_pqkind {
	LL_PQK_STRING,		/* UTF-8 text */
	LL_PQK_INT,		/* signed integer */
	LL_PQK_UINT,		/* unsigned integer (in i, as bits) */
	LL_PQK_BOOL,
	LL_PQK_DOUBLE,		/* FLOAT too */
	LL_PQK_TIME,		/* instant, UTC: i in units of unit */
	LL_PQK_DATE		/* days since 1970-01-01 in i */
};

struct ll_pqcolinfo {
	const char	*name;
	enum ll_pqkind	 kind;
	int64_t		 unit;		/* LL_PQK_TIME: units per second */
};

/* One column's value in the current row. */
struct ll_pqval {
	int		 null;
	const char	*s;		/* LL_PQK_STRING */
	size_t		 n;
	int64_t		 i;
	double		 d;
	uint32_t	 di;		/* dictionary entry, or UINT32_MAX */
	uint32_t	 dgen;		/* changes with each dictionary */
};

struct ll_pqfile;
struct ll_pqcur;

struct ll_pqfile *ll_pqread_open(const char *, int, char *, size_t);
struct ll_pqfile *ll_pqread_open_mem(const char *, const void *, size_t,
	    char *, size_t);
void	ll_pqread_close(struct ll_pqfile *);
size_t	ll_pqread_ncols(const struct ll_pqfile *);
const struct ll_pqcolinfo *ll_pqread_col(const struct ll_pqfile *, size_t);
int	ll_pqread_find(const struct ll_pqfile *, const char *);
size_t	ll_pqread_nrowgroups(const struct ll_pqfile *);
int64_t	ll_pqread_rows(const struct ll_pqfile *, size_t);
int	ll_pqread_minmax(const struct ll_pqfile *, size_t, size_t,
	    struct ll_pqval *, struct ll_pqval *);
void	ll_pqread_partition(struct ll_pqfile *, const char *);

struct ll_pqcur *ll_pqread_cursor(struct ll_pqfile *, const unsigned char *);
int	ll_pqread_start(struct ll_pqcur *, size_t);
int	ll_pqread_range(struct ll_pqcur *, size_t, int64_t, int64_t);
int	ll_pqread_next(struct ll_pqcur *);
const struct ll_pqval *ll_pqread_val(const struct ll_pqcur *, size_t);
int64_t	ll_pqread_rowno(const struct ll_pqcur *);
const char *ll_pqread_error(const struct ll_pqcur *);
const char *ll_pqread_value_error(const struct ll_pqcur *);
int	ll_pqread_json(struct ll_pqcur *, struct ll_jbuf *);
size_t	ll_pqread_text(const struct ll_pqcur *, size_t, char *, size_t);
void	ll_pqread_cursor_free(struct ll_pqcur *);

int	ll_pqread_format_time(int64_t, int64_t, char *, size_t);

#endif
