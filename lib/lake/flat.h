/*
 * The readready row of a record from ll-splitjson, for one source's
 * table (lib/lake/source.h): ll_flat_record scans a record (rejecting
 * and counting bad ones), then each column's value can be had as JSON
 * text (ll_flat_put, what ll-flatten writes) or as a span
 * (ll_flat_value).
 */
#ifndef LL_FLATTEN_H
#define LL_FLATTEN_H

#include <stddef.h>
#include <stdint.h>

#include "json/jscan.h"
#include "lake/schema.h"
#include "lake/source.h"

struct ll_flat;

struct ll_flat *ll_flat_new(const struct ll_source *);
int	ll_flat_record(struct ll_flat *, const char *, uintmax_t,
	    const char *, size_t);
void	ll_flat_value(struct ll_flat *, size_t, struct ll_jval *);
void	ll_flat_put(struct ll_flat *, size_t, struct ll_jbuf *);
void	ll_flat_free(struct ll_flat *);

#endif
