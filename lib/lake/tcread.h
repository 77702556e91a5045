/*
 * A reader for the Thrift compact protocol, the decoder beside
 * tcompact.c's encoder: enough for Parquet's footer and page headers.
 * It reads from a buffer it never goes past; any malformed or
 * truncated input sets a sticky error, after which every call returns
 * a harmless value, so callers check ll_tcread_ok() once at the end.
 * Fields a caller does not know are skipped, however nested, down to
 * a bounded depth.
 */
#ifndef LL_TCREAD_H
#define LL_TCREAD_H

#include <stddef.h>
#include <stdint.h>

#define LL_TCR_DEPTH	32

/* The compact protocol's type codes, as they appear on the wire. */
enum ll_tcread_type {
	LL_TCR_STOP = 0,
	LL_TCR_TRUE = 1,
	LL_TCR_FALSE = 2,
	LL_TCR_I8 = 3,
	LL_TCR_I16 = 4,
	LL_TCR_I32 = 5,
	LL_TCR_I64 = 6,
	LL_TCR_DOUBLE = 7,
	LL_TCR_BINARY = 8,
	LL_TCR_LIST = 9,
	LL_TCR_SET = 10,
	LL_TCR_MAP = 11,
	LL_TCR_STRUCT = 12
};

struct ll_tcr {
	const unsigned char *p, *end;
	const char	*err;		/* NULL, or what went wrong */
	int		 depth;
	int		 last[LL_TCR_DEPTH];
};

void	ll_tcread_init(struct ll_tcr *, const void *, size_t);
int	ll_tcread_ok(const struct ll_tcr *);
size_t	ll_tcread_used(const struct ll_tcr *, const void *);
int	ll_tcread_field(struct ll_tcr *, int *, int *);
int64_t	ll_tcread_int(struct ll_tcr *, int);
int	ll_tcread_bool(struct ll_tcr *, int);
int	ll_tcread_bin(struct ll_tcr *, int, const unsigned char **, size_t *);
size_t	ll_tcread_list(struct ll_tcr *, int, int *);
int	ll_tcread_begin(struct ll_tcr *, int);
void	ll_tcread_end(struct ll_tcr *);
void	ll_tcread_skip(struct ll_tcr *, int);

#endif
