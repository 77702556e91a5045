/*
 * A writer for the Thrift compact protocol, enough for Parquet's
 * footer and page headers: structs, lists, integers, booleans and
 * binary.  Fields must be written in increasing id order within a
 * struct; nesting is tracked so each struct's field ids are deltas.
 */
#ifndef LL_TCOMPACT_H
#define LL_TCOMPACT_H

#include <stddef.h>
#include <stdint.h>

#include "json/jbuf.h"

#define LL_TC_DEPTH	16

enum ll_tcompact_type {
	LL_TC_I16 = 4,
	LL_TC_I32 = 5,
	LL_TC_I64 = 6,
	LL_TC_BINARY = 8,
	LL_TC_STRUCT = 12
};

struct ll_tc {
	struct ll_jbuf	*b;
	int		 last[LL_TC_DEPTH];
	int		 depth;
};

void	ll_tcompact_init(struct ll_tc *, struct ll_jbuf *);
void	ll_tcompact_i16(struct ll_tc *, int, int16_t);
void	ll_tcompact_i32(struct ll_tc *, int, int32_t);
void	ll_tcompact_i64(struct ll_tc *, int, int64_t);
void	ll_tcompact_bool(struct ll_tc *, int, int);
void	ll_tcompact_bin(struct ll_tc *, int, const void *, size_t);
void	ll_tcompact_begin(struct ll_tc *, int);
void	ll_tcompact_end(struct ll_tc *);
void	ll_tcompact_list(struct ll_tc *, int, enum ll_tcompact_type, size_t);
void	ll_tcompact_elem_i32(struct ll_tc *, int32_t);
void	ll_tcompact_elem_bin(struct ll_tc *, const void *, size_t);

#endif
