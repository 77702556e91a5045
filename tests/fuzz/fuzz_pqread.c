/*
 * Fuzzes the Parquet reader (lib/lake/pqread.c, pqpage.c, pqdec.c,
 * tcread.c).  The first byte picks the test; the rest is its input.
 *
 * Odd: the bytes are a Parquet file.  Whatever they hold, nothing is
 * read out of bounds (ASan) and nothing runs away; every row the reader
 * writes is one JSON object by jansson's verdict, with one member per
 * column; and a row group read from a range of its rows gives the same
 * rows as the same rows read from its start.
 *
 * Even: the bytes are rows for our own writer (lib/lake/parquet.c):
 * strings, booleans and integers, nulls among them, in small pages and
 * row groups with a small dictionary limit, compressed with gzip or,
 * when the first byte's second bit is set, ZSTD.  What it writes must
 * read back exactly: every value, in every row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "json/jscan.h"
#include "lake/parquet.h"
#include "lake/pqread.h"
#include "ll.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAXROWS	20000	/* rows read per input: an all-null file is fast */
#define NCOLS	4

static void
check_json(const char *p, size_t n, size_t ncols)
{
	json_error_t jerr;
	json_t *j;

	j = json_loadb(p, n, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &jerr);
	fuzz_check(j != NULL && json_is_object(j), "row %.*s is not a JSON "
	    "object: %s", (int)(n > 200 ? 200 : n), p,
	    j == NULL ? jerr.text : "another type");
	/* A column named as another, or as a partition, merges in jansson. */
	fuzz_check(json_object_size(j) <= ncols + 1, "row has %zu members "
	    "for %zu columns", json_object_size(j), ncols);
	json_decref(j);
}

/* Reads rows FIRST to FIRST + COUNT of RG into OUT, one a line. */
static int64_t
read_rows(struct ll_pqfile *f, size_t rg, int64_t first, int64_t count,
    struct ll_jbuf *out, int64_t *budget)
{
	struct ll_pqcur *c;
	int64_t n = 0;

	c = ll_pqread_cursor(f, NULL);
	if (ll_pqread_range(c, rg, first, count) == 0)
		while (*budget > 0 && ll_pqread_next(c) == 1) {
			--*budget;
			n++;
			if (ll_pqread_json(c, out) == -1)
				ll_jbuf_adds(out, "-");
			ll_jbuf_addc(out, '\n');
		}
	ll_pqread_cursor_free(c);
	return n;
}

static void
any_file(const uint8_t *data, size_t size)
{
	struct ll_jbuf all = { 0 }, part = { 0 };
	struct ll_pqval lo, hi;
	struct ll_pqfile *f;
	char why[256], *p, *nl;
	int64_t budget = MAXROWS, got, mid;
	size_t rg, i, skip;

	f = ll_pqread_open_mem("t/cloudtrail/calendarday=2026-03-01/f",
	    data, size, why, sizeof(why));
	if (f == NULL)
		return;
	ll_pqread_partition(f, "t/cloudtrail/calendarday=2026-03-01/f");
	for (rg = 0; rg < ll_pqread_nrowgroups(f) && budget > 0; rg++) {
		for (i = 0; i < ll_pqread_ncols(f); i++)
			(void)ll_pqread_minmax(f, rg, i, &lo, &hi);
		all.len = part.len = 0;
		got = read_rows(f, rg, 0, -1, &all, &budget);
		for (p = all.p; p != NULL && p < all.p + all.len; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(all.p + all.len - p));
			if (*p != '-')
				check_json(p, (size_t)(nl - p), ll_pqread_ncols(f));
		}
		/* The second half again, from a range. */
		mid = got / 2;
		if (got < 2 || read_rows(f, rg, mid, got - mid, &part,
		    &budget) != got - mid)
			continue;
		for (skip = 0, p = all.p; skip < (size_t)mid; skip++)
			p = memchr(p, '\n', (size_t)(all.p + all.len - p)) + 1;
		fuzz_check(part.len == (size_t)(all.p + all.len - p) &&
		    memcmp(part.p, p, part.len) == 0, "rows read from row "
		    "%jd differ from the same rows read from the start",
		    (intmax_t)mid);
	}
	ll_jbuf_free(&all);
	ll_jbuf_free(&part);
	ll_pqread_close(f);
}

/* One value for column C from the input, as the writer takes it. */
struct cell {
	int	null;
	char	s[16];
	size_t	n;
	int64_t	i;
};

static size_t
cells(const uint8_t *d, size_t n, struct cell (*row)[NCOLS], size_t max)
{
	size_t r = 0, c, k;

	while (n > 0 && r < max) {
		for (c = 0; c < NCOLS && n > 0; c++) {
			memset(&row[r][c], 0, sizeof(row[r][c]));
			row[r][c].null = (d[0] & 7) == 0;
			if (c == 0 || c == 3) {
				k = d[0] % 12;
				k = k < n - 1 ? k : n - 1;
				memcpy(row[r][c].s, d + 1, k);
				row[r][c].n = k;
				d += k;
				n -= k;
			} else if (c == 1)
				row[r][c].i = d[0] >> 3 & 1;
			else if (n >= 9) {
				memcpy(&row[r][c].i, d + 1, 8);
				d += 8;
				n -= 8;
			}
			d++;
			n--;
		}
		r += c == NCOLS;
	}
	return r;
}

static void
round_trip(const uint8_t *data, size_t size, int codec)
{
	static const struct ll_parquet_col cols[NCOLS] = {
		{ "s", LL_PQ_STRING }, { "b", LL_PQ_BOOLEAN },
		{ "i", LL_PQ_INT64 }, { "t", LL_PQ_STRING }
	};
	static struct cell row[4096][NCOLS];
	struct ll_parquet_opts o;
	struct ll_pqfile *f;
	struct ll_pqcur *c;
	const struct ll_pqval *v;
	struct ll_pq *w;
	char *buf = NULL, why[256];
	size_t len = 0, nrows, r = 0, k, rg;
	uint64_t fsize;
	FILE *fp;

	nrows = cells(data, size, row, 4096);
	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	ll_parquet_defaults(&o);
	o.rowgroup = 2000;
	o.page = 300;
	o.page_rows = 50;
	o.dict = 200;
	o.codec = codec;
	o.level = 1;
	w = ll_parquet_open(fp, cols, NCOLS, &o);
	fuzz_check(w != NULL, "writer refused codec %d", codec);
	for (r = 0; r < nrows; r++) {
		for (k = 0; k < NCOLS; k++) {
			if (row[r][k].null)
				ll_parquet_null(w, k);
			else if (k == 1)
				ll_parquet_bool(w, k, (int)row[r][k].i);
			else if (k == 2)
				ll_parquet_int(w, k, row[r][k].i);
			else
				(void)ll_parquet_str(w, k, row[r][k].s,
				    row[r][k].n);
		}
		fuzz_check(ll_parquet_row(w) == 0, "writer failed");
	}
	fuzz_check(ll_parquet_close(w, &fsize) == 0 && fflush(fp) == 0,
	    "writer failed");
	f = ll_pqread_open_mem("f", buf, len, why, sizeof(why));
	fuzz_check(f != NULL, "our own file refused: %s", why);
	c = ll_pqread_cursor(f, NULL);
	for (r = 0, rg = 0; rg < ll_pqread_nrowgroups(f); rg++) {
		fuzz_check(ll_pqread_start(c, rg) == 0, "%s",
		    ll_pqread_error(c));
		while (ll_pqread_next(c) == 1) {
			fuzz_check(r < nrows, "more rows than written");
			for (k = 0; k < NCOLS; k++) {
				v = ll_pqread_val(c, k);
				fuzz_check(v->null == row[r][k].null, "row %zu "
				    "column %zu: null differs", r, k);
				if (v->null)
					continue;
				if (k == 1 || k == 2)
					fuzz_check(v->i == row[r][k].i, "row %zu "
					    "column %zu: %jd, wrote %jd", r, k,
					    (intmax_t)v->i, (intmax_t)row[r][k].i);
				else
					fuzz_check(v->n == row[r][k].n &&
					    memcmp(v->s, row[r][k].s, v->n) == 0,
					    "row %zu column %zu: string differs",
					    r, k);
			}
			r++;
		}
		fuzz_check(ll_pqread_error(c)[0] == '\0', "%s",
		    ll_pqread_error(c));
	}
	fuzz_check(r == nrows, "%zu rows read, %zu written", r, nrows);
	ll_pqread_cursor_free(c);
	ll_pqread_close(f);
	fclose(fp);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	fuzz_reset();
	if (data[0] & 1)
		any_file(data + 1, size - 1);
	else
		round_trip(data + 1, size - 1,
		    data[0] & 2 ? LL_PQ_ZSTD : LL_PQ_GZIP);
	fuzz_reset();
	return 0;
}
