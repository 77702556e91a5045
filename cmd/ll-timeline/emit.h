/*
 * Timeline records out: NDJSON as they are, CSV for a report (RFC
 * 4180, a header line, the full record as its last column), or an
 * aligned table for a terminal (the common columns, long cells cut,
 * control characters shown as escapes).
 */
#ifndef LL_TL_EMIT_H
#define LL_TL_EMIT_H

#include <stddef.h>

enum ll_emit_format { LL_EMIT_NDJSON, LL_EMIT_CSV, LL_EMIT_TABLE };

struct ll_emit;

struct ll_emit *ll_emit_new(enum ll_emit_format, int, int);
void	ll_emit_record(void *, const char *, size_t);
void	ll_emit_finish(struct ll_emit *);

#endif
