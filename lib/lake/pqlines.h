/*
 * A Parquet input read as NDJSON lines, one JSON object a row (see
 * pqread.h for the values), for the record reader (lib/io/reader.c):
 * every tool that reads NDJSON records reads the lake's Parquet files
 * too.  A file that is refused or damaged is reported on standard
 * error, counted and fails the run (exit 1); a row that cannot be
 * written as JSON is reported with its number and counted as rejected.
 */
#ifndef LL_PQLINES_H
#define LL_PQLINES_H

#include <stddef.h>
#include <stdint.h>

struct ll_input;
struct ll_pqlines;

struct ll_pqlines *ll_pqlines_open(struct ll_input *, const char *);
int	ll_pqlines_next(struct ll_pqlines *, const char **, size_t *,
	    uintmax_t *);
void	ll_pqlines_close(struct ll_pqlines *);

#endif
