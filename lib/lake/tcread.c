/*
 * Thrift compact, read: a field header is one byte (id delta in the
 * high nibble, type in the low one) or a type byte then a zigzag
 * varint id; integers are zigzag varints (an i8 is one raw byte);
 * booleans live in the field's type; binary is a varint length then
 * the bytes; a list header packs a size under 15 and the element type
 * in one byte; a struct ends at a zero byte.  Every length is checked
 * against the bytes left before anything is trusted.
 */
#include <stddef.h>
#include <stdint.h>

#include "lake/tcread.h"

void
ll_tcread_init(struct ll_tcr *t, const void *p, size_t n)
{
	t->p = p;
	t->end = t->p + n;
	t->err = NULL;
	t->depth = 0;
	t->last[0] = 0;
}

int
ll_tcread_ok(const struct ll_tcr *t)
{
	return t->err == NULL;
}

/* The bytes consumed since START, the buffer given to init. */
size_t
ll_tcread_used(const struct ll_tcr *t, const void *start)
{
	return (size_t)(t->p - (const unsigned char *)start);
}

static void
fail(struct ll_tcr *t, const char *why)
{
	if (t->err == NULL)
		t->err = why;
	t->p = t->end;
}

static uint64_t
varint(struct ll_tcr *t)
{
	uint64_t v = 0;
	int shift;

	for (shift = 0; shift < 64; shift += 7) {
		if (t->p == t->end) {
			fail(t, "truncated integer");
			return 0;
		}
		v |= (uint64_t)(*t->p & 0x7f) << shift;
		if ((*t->p++ & 0x80) == 0)
			return v;
	}
	fail(t, "integer longer than 64 bits");
	return 0;
}

static int64_t
unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/*
 * Reads the next field header of the current struct: 1 with its id
 * and type, or 0 at the struct's end (or after an error).
 */
int
ll_tcread_field(struct ll_tcr *t, int *id, int *type)
{
	unsigned char b;
	int64_t v;

	if (t->p == t->end) {
		fail(t, "truncated struct");
		return 0;
	}
	b = *t->p++;
	if (b == 0)
		return 0;
	*type = b & 0x0f;
	if (b >> 4 != 0)
		*id = t->last[t->depth] + (b >> 4);
	else {
		v = unzigzag(varint(t));
		if (v < INT16_MIN || v > INT16_MAX) {
			fail(t, "field id out of range");
			return 0;
		}
		*id = (int)v;
	}
	if (*type == LL_TCR_STOP || *type > LL_TCR_STRUCT) {
		fail(t, "unknown field type");
		return 0;
	}
	t->last[t->depth] = *id;
	return t->err == NULL;
}

/* An integer of any width; other types are an error. */
int64_t
ll_tcread_int(struct ll_tcr *t, int type)
{
	int64_t v;

	switch (type) {
	case LL_TCR_I8:
		if (t->p == t->end) {
			fail(t, "truncated byte");
			return 0;
		}
		return (int8_t)*t->p++;
	case LL_TCR_I16:
	case LL_TCR_I32:
	case LL_TCR_I64:
		v = unzigzag(varint(t));
		if ((type == LL_TCR_I16 && (v < INT16_MIN || v > INT16_MAX)) ||
		    (type == LL_TCR_I32 && (v < INT32_MIN || v > INT32_MAX))) {
			fail(t, "integer out of range");
			return 0;
		}
		return v;
	default:
		fail(t, "expected an integer");
		return 0;
	}
}

/*
 * A boolean field: its value is its type.  A list element (type -1
 * here) is a byte of its own, 1 for true, 0 or 2 for false.
 */
int
ll_tcread_bool(struct ll_tcr *t, int type)
{
	unsigned char b;

	if (type == LL_TCR_TRUE || type == LL_TCR_FALSE)
		return type == LL_TCR_TRUE;
	if (type != -1) {
		fail(t, "expected a boolean");
		return 0;
	}
	if (t->p == t->end) {
		fail(t, "truncated boolean");
		return 0;
	}
	b = *t->p++;
	if (b > 2)
		fail(t, "bad boolean");
	return b == 1;
}

/* Binary or string: sets *P and *N to bytes inside the buffer. */
int
ll_tcread_bin(struct ll_tcr *t, int type, const unsigned char **p, size_t *n)
{
	uint64_t len;

	*p = t->p;
	*n = 0;
	if (type != LL_TCR_BINARY) {
		fail(t, "expected binary");
		return -1;
	}
	len = varint(t);
	if (t->err != NULL || len > (uint64_t)(t->end - t->p)) {
		fail(t, "binary longer than its buffer");
		return -1;
	}
	*p = t->p;
	*n = (size_t)len;
	t->p += len;
	return 0;
}

/*
 * A list or set header: its size, the element type in *ELEM.  Every
 * element takes a byte at least, so a size beyond the bytes left is
 * an error, and a caller may allocate SIZE elements safely.
 */
size_t
ll_tcread_list(struct ll_tcr *t, int type, int *elem)
{
	uint64_t n;
	unsigned char b;

	*elem = LL_TCR_STOP;
	if (type != LL_TCR_LIST && type != LL_TCR_SET) {
		fail(t, "expected a list");
		return 0;
	}
	if (t->p == t->end) {
		fail(t, "truncated list");
		return 0;
	}
	b = *t->p++;
	*elem = b & 0x0f;
	n = b >> 4;
	if (n == 15)
		n = varint(t);
	if (*elem == LL_TCR_TRUE || *elem == LL_TCR_FALSE)
		*elem = -1;	/* booleans: a byte each */
	else if (*elem == LL_TCR_STOP || *elem > LL_TCR_STRUCT)
		fail(t, "unknown list element type");
	if (t->err != NULL || n > (uint64_t)(t->end - t->p)) {
		fail(t, "list longer than its buffer");
		return 0;
	}
	return (size_t)n;
}

/* Enters a struct (a field of type STRUCT, or a list element). */
int
ll_tcread_begin(struct ll_tcr *t, int type)
{
	if (type != LL_TCR_STRUCT) {
		fail(t, "expected a struct");
		return -1;
	}
	if (t->depth + 1 >= LL_TCR_DEPTH) {
		fail(t, "structs nested too deep");
		return -1;
	}
	t->last[++t->depth] = 0;
	return 0;
}

/* Leaves a struct, once ll_tcread_field has returned 0 in it. */
void
ll_tcread_end(struct ll_tcr *t)
{
	if (t->depth > 0)
		t->depth--;
}

static void
skip_n(struct ll_tcr *t, size_t n)
{
	if (n > (size_t)(t->end - t->p))
		fail(t, "truncated value");
	else
		t->p += n;
}

/* Skips a value of TYPE; a list element boolean is type -1. */
void
ll_tcread_skip(struct ll_tcr *t, int type)
{
	const unsigned char *p;
	size_t i, n;
	uint64_t m;
	int id, ft, kt, vt;

	switch (type) {
	case -1:
	case LL_TCR_I8:
		skip_n(t, 1);
		break;
	case LL_TCR_TRUE:
	case LL_TCR_FALSE:
		break;
	case LL_TCR_I16:
	case LL_TCR_I32:
	case LL_TCR_I64:
		(void)varint(t);
		break;
	case LL_TCR_DOUBLE:
		skip_n(t, 8);
		break;
	case LL_TCR_BINARY:
		(void)ll_tcread_bin(t, type, &p, &n);
		break;
	case LL_TCR_LIST:
	case LL_TCR_SET:
		n = ll_tcread_list(t, type, &vt);
		if (t->depth + 1 >= LL_TCR_DEPTH) {
			fail(t, "lists nested too deep");
			break;
		}
		t->depth++;
		t->last[t->depth] = 0;
		for (i = 0; i < n && t->err == NULL; i++)
			ll_tcread_skip(t, vt);
		t->depth--;
		break;
	case LL_TCR_MAP:
		m = varint(t);
		if (m == 0 || t->err != NULL)
			break;
		if (m > (uint64_t)(t->end - t->p)) {
			fail(t, "map longer than its buffer");
			break;
		}
		if (t->p == t->end) {
			fail(t, "truncated map");
			break;
		}
		kt = *t->p >> 4;
		vt = *t->p++ & 0x0f;
		kt = kt == LL_TCR_TRUE || kt == LL_TCR_FALSE ? -1 : kt;
		vt = vt == LL_TCR_TRUE || vt == LL_TCR_FALSE ? -1 : vt;
		if (kt == LL_TCR_STOP || vt == LL_TCR_STOP ||
		    kt > LL_TCR_STRUCT || vt > LL_TCR_STRUCT ||
		    t->depth + 1 >= LL_TCR_DEPTH) {
			fail(t, "bad map");
			break;
		}
		t->depth++;
		t->last[t->depth] = 0;
		for (; m > 0 && t->err == NULL; m--) {
			ll_tcread_skip(t, kt);
			ll_tcread_skip(t, vt);
		}
		t->depth--;
		break;
	case LL_TCR_STRUCT:
		if (ll_tcread_begin(t, type) == -1)
			break;
		while (ll_tcread_field(t, &id, &ft))
			ll_tcread_skip(t, ft);
		t->depth--;
		break;
	default:
		fail(t, "unknown type");
	}
}
