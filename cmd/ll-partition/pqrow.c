/*
 * Values keep the meaning they have in the JSON lines format: a string
 * column holds the decoded string, or the JSON text of any other value;
 * boolean and bigint columns take true/false ("true"/"false" too) and
 * integers; a timestamp column RFC 3339 text (as ll-flatten writes it,
 * "2026-03-01T10:05:00.000Z") or epoch milliseconds.  A value of the
 * wrong type becomes null and is counted (values_nulled), as
 * ll-flatten does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isotime.h"
#include "json/jscan.h"
#include "ll.h"
#include "lake/parquet.h"
#include "pqrow.h"
#include "lake/schema.h"
#include "xalloc.h"

static enum ll_parquet_type
pqtype(enum ll_ctype t)
{
	switch (t) {
	case LL_CT_BOOLEAN:
		return LL_PQ_BOOLEAN;
	case LL_CT_BIGINT:
		return LL_PQ_INT64;
	case LL_CT_TIMESTAMP:
		return LL_PQ_TIMESTAMP;
	default:
		return LL_PQ_STRING;
	}
}

static int
is_pkey(const char *name, char **pkeys, size_t npkeys)
{
	size_t i;

	for (i = 0; i < npkeys; i++)
		if (strcmp(name, pkeys[i]) == 0)
			return 1;
	return 0;
}

/* The table's sort columns, those that are data columns, in order. */
static void
sort_columns(struct ll_pqrow *r, const struct ll_table *t)
{
	char *copy, *rest, *name;
	int c;

	r->sort = xcalloc(r->ncols + 1, sizeof(*r->sort));
	if (t->sort == NULL)
		return;
	copy = xstrdup(t->sort);
	for (rest = copy; (name = strsep(&rest, ",")) != NULL;)
		if ((c = ll_pqrow_find(r, name)) >= 0 && r->nsort < r->ncols)
			r->sort[r->nsort++] = (size_t)c;
	free(copy);
}

void
ll_pqrow_init(struct ll_pqrow *r, const struct ll_table *t, char **pkeys,
    size_t npkeys)
{
	const struct ll_column *c;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->cols = xcalloc(t->ncols, sizeof(*r->cols));
	r->slot = xcalloc(t->ncols, sizeof(*r->slot));
	r->len = xcalloc(t->ncols, sizeof(*r->len));
	r->src = xcalloc(t->ncols, sizeof(*r->src));
	for (i = 0; i < t->ncols; i++) {
		c = &t->cols[i];
		if (is_pkey(c->name, pkeys, npkeys))
			continue;
		r->len[r->ncols] = strlen(c->name);
		r->src[r->ncols] = i;
		r->cols[r->ncols].name = c->name;
		r->cols[r->ncols++].type = pqtype(c->type);
	}
	sort_columns(r, t);
}

void
ll_pqrow_clear(struct ll_pqrow *r)
{
	memset(r->slot, 0, r->ncols * sizeof(*r->slot));
	r->guess = 0;
}

static int
is_name(const struct ll_pqrow *r, size_t i, const struct ll_jval *k)
{
	if (k->esc)
		return ll_jstr_eq(k, r->cols[i].name);
	return k->n == r->len[i] + 2 &&
	    memcmp(k->p + 1, r->cols[i].name, r->len[i]) == 0;
}

/*
 * The column of member name K, or -1.  Rows from ll-flatten have the
 * columns in schema order, so the search starts after the last match
 * and goes round once.
 */
int
ll_pqrow_column(struct ll_pqrow *r, const struct ll_jval *k)
{
	size_t i, n;

	for (n = 0, i = r->guess; n < r->ncols; n++, i++) {
		if (i == r->ncols)
			i = 0;
		if (is_name(r, i, k)) {
			r->guess = i + 1;
			return (int)i;
		}
	}
	return -1;
}

int
ll_pqrow_find(const struct ll_pqrow *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->ncols; i++)
		if (strcmp(r->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* A JSON integer that fits in 64 bits, without fraction or exponent. */
static int
integer(const struct ll_jval *v, int64_t *out)
{
	const char *p, *end;
	uint64_t u, lim;
	int neg, d;

	if (v->type != LL_JNUM)
		return -1;
	p = v->p;
	end = v->p + v->n;
	neg = *p == '-';
	p += neg;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (u = 0; p < end; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		d = *p - '0';
		if (u > (lim - (uint64_t)d) / 10)
			return -1;
		u = u * 10 + (uint64_t)d;
	}
	if (!neg)
		*out = (int64_t)u;
	else
		*out = u == 0 ? 0 : -(int64_t)(u - 1) - 1;
	return 0;
}

/*
 * An instant: RFC 3339 text, or epoch milliseconds, in the years 0 to
 * 9999 that the text form holds (and every reader's timestamp).
 */
static int
instant(struct ll_pqrow *r, const struct ll_jval *v, int64_t *ms)
{
	char day[11];
	int ok;

	if (v->type == LL_JNUM)
		ok = integer(v, ms);
	else if (v->type != LL_JSTR)
		ok = -1;
	else if (!v->esc)
		ok = ll_isotime_rfc3339(v->p + 1, v->n - 2, ms);
	else {
		r->str.len = 0;
		ll_jbuf_addunesc(&r->str, v);
		ok = ll_isotime_rfc3339(r->str.p, r->str.len, ms);
	}
	return ok == 0 ? ll_isotime_day(*ms, day) : -1;
}

static int
put(struct ll_pqrow *r, struct ll_pq *w, size_t i, const struct ll_jval *v)
{
	int64_t n;

	switch (r->cols[i].type) {
	case LL_PQ_STRING:
		if (v->type != LL_JSTR)
			return ll_parquet_str(w, i, v->p, v->n);
		if (!v->esc)
			return ll_parquet_str(w, i, v->p + 1, v->n - 2);
		r->str.len = 0;
		ll_jbuf_addunesc(&r->str, v);
		return ll_parquet_str(w, i, r->str.p, r->str.len);
	case LL_PQ_BOOLEAN:
		if (v->type == LL_JTRUE || ll_jstr_eq(v, "true"))
			ll_parquet_bool(w, i, 1);
		else if (v->type == LL_JFALSE || ll_jstr_eq(v, "false"))
			ll_parquet_bool(w, i, 0);
		else
			return -1;
		return 0;
	case LL_PQ_INT64:
		if (integer(v, &n) == -1)
			return -1;
		ll_parquet_int(w, i, n);
		return 0;
	case LL_PQ_TIMESTAMP:
		if (instant(r, v, &n) == -1)
			return -1;
		ll_parquet_int(w, i, n);
		return 0;
	}
	return -1;
}

/* Writes the row held in the slots; -1 with errno if writing failed. */
int
ll_pqrow_write(struct ll_pqrow *r, struct ll_pq *w)
{
	struct ll_jval *v;
	size_t i;

	for (i = 0; i < r->ncols; i++) {
		v = &r->slot[i];
		if (v->type == LL_JNONE || v->type == LL_JNULL)
			ll_parquet_null(w, i);
		else if (put(r, w, i, v) == -1) {
			ll_parquet_null(w, i);
			ll_stats_add("values_nulled", 1);
		}
	}
	return ll_parquet_row(w);
}

void
ll_pqrow_free(struct ll_pqrow *r)
{
	free(r->cols);
	free(r->slot);
	free(r->len);
	free(r->src);
	free(r->sort);
	ll_jbuf_free(&r->str);
}
