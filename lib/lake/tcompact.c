/*
 * Thrift compact protocol: integers are zigzag varints, a field header
 * packs the id delta and the type in one byte when the delta is 1-15,
 * booleans live in the field type, a struct ends with a zero byte.
 * A struct begun with id 0 is a list element and has no header.
 */
#include <stdlib.h>

#include "json/jbuf.h"
#include "lake/tcompact.h"

#define T_TRUE	1
#define T_FALSE	2
#define T_LIST	9

static void
varint(struct ll_jbuf *b, uint64_t v)
{
	unsigned char tmp[10];
	size_t n;

	for (n = 0; v >= 0x80; v >>= 7)
		tmp[n++] = (unsigned char)(v | 0x80);
	tmp[n++] = (unsigned char)v;
	ll_jbuf_add(b, tmp, n);
}

static uint64_t
zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v < 0 ? -1 : 0);
}

static void
field(struct ll_tc *t, int id, int type)
{
	int delta;

	delta = id - t->last[t->depth];
	if (delta > 0 && delta <= 15)
		ll_jbuf_addc(t->b, (char)(delta << 4 | type));
	else {
		ll_jbuf_addc(t->b, (char)type);
		varint(t->b, zigzag(id));
	}
	t->last[t->depth] = id;
}

void
ll_tcompact_init(struct ll_tc *t, struct ll_jbuf *b)
{
	t->b = b;
	t->depth = 0;
	t->last[0] = 0;
}

void
ll_tcompact_i16(struct ll_tc *t, int id, int16_t v)
{
	field(t, id, LL_TC_I16);
	varint(t->b, zigzag(v));
}

void
ll_tcompact_i32(struct ll_tc *t, int id, int32_t v)
{
	field(t, id, LL_TC_I32);
	varint(t->b, zigzag(v));
}

void
ll_tcompact_i64(struct ll_tc *t, int id, int64_t v)
{
	field(t, id, LL_TC_I64);
	varint(t->b, zigzag(v));
}

void
ll_tcompact_bool(struct ll_tc *t, int id, int v)
{
	field(t, id, v ? T_TRUE : T_FALSE);
}

void
ll_tcompact_bin(struct ll_tc *t, int id, const void *p, size_t n)
{
	field(t, id, LL_TC_BINARY);
	ll_tcompact_elem_bin(t, p, n);
}

void
ll_tcompact_begin(struct ll_tc *t, int id)
{
	if (id != 0)
		field(t, id, LL_TC_STRUCT);
	if (++t->depth >= LL_TC_DEPTH)
		abort();
	t->last[t->depth] = 0;
}

void
ll_tcompact_end(struct ll_tc *t)
{
	ll_jbuf_addc(t->b, 0);
	t->depth--;
}

void
ll_tcompact_list(struct ll_tc *t, int id, enum ll_tcompact_type type, size_t n)
{
	field(t, id, T_LIST);
	if (n < 15)
		ll_jbuf_addc(t->b, (char)(n << 4 | type));
	else {
		ll_jbuf_addc(t->b, (char)(0xf0 | type));
		varint(t->b, n);
	}
}

void
ll_tcompact_elem_i32(struct ll_tc *t, int32_t v)
{
	varint(t->b, zigzag(v));
}

void
ll_tcompact_elem_bin(struct ll_tc *t, const void *p, size_t n)
{
	varint(t->b, n);
	ll_jbuf_add(t->b, p, n);
}
