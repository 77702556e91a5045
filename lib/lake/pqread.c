/*
 * Reading a Parquet file: "PAR1", column chunks, the FileMetaData in
 * Thrift compact, its length in four little-endian bytes, "PAR1".
 * The footer is read and checked whole when the file is opened: every
 * column must be a top-level leaf (REQUIRED or OPTIONAL, never
 * REPEATED) of a type this reader knows, every chunk must lie inside
 * the file in a codec it knows.  Otherwise the file is refused with a
 * message that names the column and what it is.
 *
 * Types read, and what their values become:
 *   BYTE_ARRAY as STRING/UTF8, ENUM or JSON: a JSON string
 *   BOOLEAN: true or false
 *   INT32, INT64 (signed or unsigned INTEGER, INT_n, UINT_n): a number
 *   FLOAT, DOUBLE: a number; NaN and infinities as strings
 *   INT64 TIMESTAMP (UTC; MILLIS, MICROS or NANOS; or the old
 *   TIMESTAMP_MILLIS/MICROS): RFC 3339 text, to the millisecond, with
 *   more digits only where the value has them
 *   INT32 DATE: "YYYY-MM-DD"
 * Refused: nested columns, INT96, FIXED_LEN_BYTE_ARRAY, DECIMAL,
 * TIME, local (not UTC) timestamps, BSON, UUID, FLOAT16, binary
 * without a string annotation, encrypted files.
 *
 * Hive partition values (TABLE/KEY=VALUE/file) are not in the file;
 * ll_pqread_partition adds them to each row, where the table's schema
 * (lib/lake/schema.c) puts them, or last, so that a row ll-partition
 * wrote reads back as it went in.
 */
#include <sys/stat.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libdeflate.h>
#include <zstd.h>

#include "exit.h"
#include "isotime.h"
#include "json/jscan.h"
#include "lake/hiverow.h"
#include "lake/pqpage.h"
#include "lake/pqread.h"
#include "lake/schema.h"
#include "lake/tcread.h"
#include "xalloc.h"

#ifdef LL_FUZZ
#define MAXFOOTER	((size_t)1 << 24)
#else
#define MAXFOOTER	((size_t)1 << 30)
#endif

/* ConvertedType numbers. */
enum {
	CV_UTF8 = 0, CV_ENUM = 4, CV_DECIMAL = 5, CV_DATE = 6,
	CV_TIME_MILLIS = 7, CV_TIME_MICROS = 8, CV_TS_MILLIS = 9,
	CV_TS_MICROS = 10, CV_UINT_8 = 11, CV_UINT_64 = 14, CV_INT_8 = 15,
	CV_INT_64 = 18, CV_JSON = 19, CV_BSON = 20, CV_INTERVAL = 21
};

/* LogicalType union members. */
enum {
	LT_STRING = 1, LT_MAP = 2, LT_LIST = 3, LT_ENUM = 4, LT_DECIMAL = 5,
	LT_DATE = 6, LT_TIME = 7, LT_TIMESTAMP = 8, LT_INTEGER = 10,
	LT_UNKNOWN = 11, LT_JSON = 12, LT_BSON = 13, LT_UUID = 14,
	LT_FLOAT16 = 15
};

struct chunk {
	int64_t		 start, len, nvalues;
	int		 codec;
	const unsigned char *min, *max;	/* NULL: not recorded */
	size_t		 nmin, nmax;
	int		 legacy;	/* from the old min and max fields */
};

struct rowgroup {
	int64_t		 rows;
	struct chunk	*ch;
};

/* A partition value the path gives, and where it goes in a row. */
struct part {
	char		*key;		/* "name": */
	char		*val;		/* JSON text */
	size_t		 before;	/* the file column it precedes */
};

struct ll_pqfile {
	char		*name;
	int		 fd;
	const unsigned char *mem;
	uint64_t	 size;
	unsigned char	*footer;
	struct ll_pqpage_schema *cols;
	char		**keys;		/* "name": of each column */
	size_t		 ncols;
	struct rowgroup	*rg;
	size_t		 nrg;
	struct part	*parts;
	size_t		 nparts;
};

struct ll_pqcur {
	struct ll_pqfile *f;
	struct libdeflate_decompressor *z;
	ZSTD_DCtx	*zd;
	size_t		*sel;		/* file columns read, in order */
	size_t		 nsel;
	struct ll_pqpage_col *pc;	/* per selected column */
	unsigned char	**raw;		/* its chunk's bytes */
	size_t		*rawcap;
	struct ll_pqval	*val;		/* per file column */
	size_t		 rg;
	int64_t		 base;		/* rows in the row groups before */
	int64_t		 row, rows;
	char		 err[256];	/* the cursor cannot go on */
	char		 verr[256];	/* the row's value cannot be written */
};

static int LL_PRINTF(3, 4)
ferr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Reads N bytes at OFF of the file. */
static int
readat(const struct ll_pqfile *f, void *buf, size_t n, uint64_t off)
{
	ssize_t r;
	size_t got = 0;

	if (off > f->size || n > f->size - off) {
		errno = EINVAL;
		return -1;
	}
	if (f->mem != NULL) {
		if (n > 0)
			memcpy(buf, f->mem + off, n);
		return 0;
	}
	while (got < n) {
		r = pread(f->fd, (char *)buf + got, n - got,
		    (off_t)(off + got));
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = EIO;
			return -1;
		}
		got += (size_t)r;
	}
	return 0;
}

/* Well-formed UTF-8 (RFC 3629): no overlongs, surrogates or > U+10FFFF. */
static int
utf8_ok(const unsigned char *s, size_t n)
{
	const unsigned char *end = s + n;
	uint64_t w;
	unsigned cp;
	int k, i;

	while (s < end) {
		if (end - s >= 8) {
			memcpy(&w, s, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				s += 8;
				continue;
			}
		}
		if (*s < 0x80) {
			s++;
			continue;
		}
		if (*s < 0xc2 || *s > 0xf4)
			return 0;
		k = *s < 0xe0 ? 1 : *s < 0xf0 ? 2 : 3;
		if (end - s <= k)
			return 0;
		cp = *s & (0x3f >> k);
		for (i = 1; i <= k; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
		s += k + 1;
	}
	return 1;
}

/* The column's kind from its types, or the reason it is refused. */
static const char *
kind_of(struct ll_pqpage_schema *c, int conv, int lt, int ltunit,
    int ltutc, int ltsigned)
{
	struct ll_pqcolinfo *i = &c->info;

	i->unit = 0;
	switch (c->ptype) {
	case LL_PQT_BOOLEAN:
		i->kind = LL_PQK_BOOL;
		return conv < 0 && lt < 0 ? NULL : "an annotated BOOLEAN";
	case LL_PQT_FLOAT:
	case LL_PQT_DOUBLE:
		i->kind = LL_PQK_DOUBLE;
		return conv < 0 && lt < 0 ? NULL : "an annotated FLOAT or DOUBLE";
	case LL_PQT_BYTE_ARRAY:
		i->kind = LL_PQK_STRING;
		if (lt == LT_STRING || lt == LT_ENUM || lt == LT_JSON ||
		    (lt < 0 && (conv == CV_UTF8 || conv == CV_ENUM ||
		    conv == CV_JSON)))
			return NULL;
		return lt < 0 && conv < 0 ? "binary without a string "
		    "annotation" : "a BYTE_ARRAY that is not text";
	case LL_PQT_INT32:
	case LL_PQT_INT64:
		break;
	case LL_PQT_INT96:
		return "INT96 (an old timestamp encoding)";
	default:
		return lt == LT_UUID ? "UUID" : lt == LT_FLOAT16 ? "FLOAT16" :
		    lt == LT_DECIMAL || conv == CV_DECIMAL ? "DECIMAL" :
		    conv == CV_INTERVAL ? "INTERVAL" : "FIXED_LEN_BYTE_ARRAY";
	}
	i->kind = LL_PQK_INT;
	if (lt == LT_TIMESTAMP || (lt < 0 && (conv == CV_TS_MILLIS ||
	    conv == CV_TS_MICROS))) {
		if (c->ptype != LL_PQT_INT64)
			return "a TIMESTAMP that is not INT64";
		if (lt == LT_TIMESTAMP && !ltutc)
			return "a local TIMESTAMP (isAdjustedToUTC false)";
		if (lt < 0)
			ltunit = conv == CV_TS_MILLIS ? 1 : 2;
		i->kind = LL_PQK_TIME;
		i->unit = ltunit == 1 ? 1000 : ltunit == 2 ? 1000000 :
		    ltunit == 3 ? 1000000000 : 0;
		return i->unit == 0 ? "a TIMESTAMP of unknown unit" : NULL;
	}
	if (lt == LT_DATE || (lt < 0 && conv == CV_DATE)) {
		i->kind = LL_PQK_DATE;
		return c->ptype == LL_PQT_INT32 ? NULL : "a DATE that is not "
		    "INT32";
	}
	if (lt == LT_INTEGER) {
		if (!ltsigned)
			i->kind = LL_PQK_UINT;
		return NULL;
	}
	if (lt >= 0)
		return lt == LT_DECIMAL ? "DECIMAL" : lt == LT_TIME ? "TIME" :
		    "an annotated integer";
	if (conv >= CV_UINT_8 && conv <= CV_UINT_64)
		i->kind = LL_PQK_UINT;
	else if (conv >= 0 && !(conv >= CV_INT_8 && conv <= CV_INT_64))
		return conv == CV_DECIMAL ? "DECIMAL" : conv == CV_TIME_MILLIS ||
		    conv == CV_TIME_MICROS ? "TIME" : "an annotated integer";
	return NULL;
}

/* LogicalType, a union: its member, and a timestamp's or int's details. */
static void
logical(struct ll_tcr *t, int type, int *lt, int *unit, int *utc, int *sgn)
{
	int id, ft, id2, ft2, id3, ft3;

	if (ll_tcread_begin(t, type) == -1)
		return;
	while (ll_tcread_field(t, &id, &ft)) {
		*lt = id;
		if ((id != LT_TIMESTAMP && id != LT_INTEGER) ||
		    ll_tcread_begin(t, ft) == -1) {
			ll_tcread_skip(t, ft);
			continue;
		}
		while (ll_tcread_field(t, &id2, &ft2)) {
			if (id == LT_TIMESTAMP && id2 == 1)
				*utc = ll_tcread_bool(t, ft2);
			else if (id == LT_INTEGER && id2 == 2)
				*sgn = ll_tcread_bool(t, ft2);
			else if (id == LT_TIMESTAMP && id2 == 2 &&
			    ll_tcread_begin(t, ft2) == 0) {
				while (ll_tcread_field(t, &id3, &ft3)) {
					*unit = id3;
					ll_tcread_skip(t, ft3);
				}
				ll_tcread_end(t);
			} else
				ll_tcread_skip(t, ft2);
		}
		ll_tcread_end(t);
	}
	ll_tcread_end(t);
}

/* One SchemaElement; *NKIDS is its num_children (-1: a leaf). */
static int
element(struct ll_tcr *t, struct ll_pqpage_schema *c, int *nkids,
    char *err, size_t errlen)
{
	const unsigned char *p;
	const char *why;
	size_t n;
	int id, ft, rep = 0, conv = -1, lt = -1, unit = 0, utc = 0, sgn = 1;

	memset(c, 0, sizeof(*c));
	c->ptype = -1;
	*nkids = -1;
	if (ll_tcread_begin(t, LL_TCR_STRUCT) == -1)
		return -1;
	while (ll_tcread_field(t, &id, &ft)) {
		if (id == 1)
			c->ptype = (int)ll_tcread_int(t, ft);
		else if (id == 3)
			rep = (int)ll_tcread_int(t, ft);
		else if (id == 4 && ll_tcread_bin(t, ft, &p, &n) == 0 &&
		    c->name == NULL) {
			/* A name goes out as a JSON key: text, no NUL. */
			if (memchr(p, '\0', n) != NULL || !utf8_ok(p, n))
				return ferr(err, errlen, "a column name is not "
				    "UTF-8 text");
			c->name = xstrndup((const char *)p, n);
		}
		else if (id == 5)
			*nkids = (int)ll_tcread_int(t, ft);
		else if (id == 6)
			conv = (int)ll_tcread_int(t, ft);
		else if (id == 10)
			logical(t, ft, &lt, &unit, &utc, &sgn);
		else if (id != 4)
			ll_tcread_skip(t, ft);
	}
	ll_tcread_end(t);
	if (!ll_tcread_ok(t) || c->name == NULL)
		return ferr(err, errlen, "damaged schema");
	if (*nkids >= 0 && c->ptype < 0)
		return 0;	/* a group: the caller decides */
	if (rep == 2)
		return ferr(err, errlen, "column %s: repeated columns are "
		    "not supported", c->name);
	if (rep != 0 && rep != 1)
		return ferr(err, errlen, "column %s: bad repetition", c->name);
	c->optional = rep == 1;
	c->info.name = c->name;
	if ((why = kind_of(c, conv, lt, unit, utc, sgn)) != NULL)
		return ferr(err, errlen, "column %s: %s is not supported",
		    c->name, why);
	return 0;
}

static int
schema(struct ll_pqfile *f, struct ll_tcr *t, int type, char *err,
    size_t errlen)
{
	struct ll_pqpage_schema root;
	size_t n, i;
	int et, nkids, roots;

	n = ll_tcread_list(t, type, &et);
	if (n == 0 || et != LL_TCR_STRUCT)
		return ferr(err, errlen, "damaged schema");
	if (element(t, &root, &nkids, err, errlen) == -1) {
		free(root.name);
		return -1;
	}
	free(root.name);
	if ((roots = nkids) < 0)
		return ferr(err, errlen, "damaged schema");
	f->ncols = n - 1;
	f->cols = xcalloc(f->ncols + 1, sizeof(*f->cols));
	for (i = 0; i < f->ncols; i++) {
		if (element(t, &f->cols[i], &nkids, err, errlen) == -1)
			return -1;
		if (nkids >= 0)
			return ferr(err, errlen, "column %s: nested columns "
			    "are not supported", f->cols[i].name);
	}
	if ((size_t)roots != n - 1)
		return ferr(err, errlen, "damaged schema");
	return 0;
}

static void
statistics(struct ll_tcr *t, int type, struct chunk *ch)
{
	const unsigned char *p, *q[7] = { NULL };
	size_t n, nq[7] = { 0 };
	int id, ft;

	if (ll_tcread_begin(t, type) == -1)
		return;
	while (ll_tcread_field(t, &id, &ft)) {
		if ((id == 1 || id == 2 || id == 5 || id == 6) &&
		    ll_tcread_bin(t, ft, &p, &n) == 0) {
			q[id] = p;
			nq[id] = n;
		} else if (id != 1 && id != 2 && id != 5 && id != 6)
			ll_tcread_skip(t, ft);
	}
	ll_tcread_end(t);
	if (q[5] != NULL && q[6] != NULL) {
		ch->max = q[5], ch->nmax = nq[5];
		ch->min = q[6], ch->nmin = nq[6];
	} else if (q[1] != NULL && q[2] != NULL) {
		ch->max = q[1], ch->nmax = nq[1];
		ch->min = q[2], ch->nmin = nq[2];
		ch->legacy = 1;
	}
}

static int
metadata(struct ll_pqfile *f, struct ll_tcr *t, int type, struct chunk *ch,
    const struct ll_pqpage_schema *c, char *err, size_t errlen)
{
	int64_t data = -1, dict = -1;
	int id, ft, ptype = -1;

	ch->codec = -1;
	if (ll_tcread_begin(t, type) == -1)
		return -1;
	while (ll_tcread_field(t, &id, &ft)) {
		switch (id) {
		case 1:
			ptype = (int)ll_tcread_int(t, ft);
			break;
		case 4:
			ch->codec = (int)ll_tcread_int(t, ft);
			break;
		case 5:
			ch->nvalues = ll_tcread_int(t, ft);
			break;
		case 7:
			ch->len = ll_tcread_int(t, ft);
			break;
		case 9:
			data = ll_tcread_int(t, ft);
			break;
		case 11:
			dict = ll_tcread_int(t, ft);
			break;
		case 12:
			statistics(t, ft, ch);
			break;
		default:
			ll_tcread_skip(t, ft);
		}
	}
	ll_tcread_end(t);
	if (!ll_tcread_ok(t))
		return ferr(err, errlen, "damaged footer: %s", t->err);
	if (ptype != c->ptype)
		return ferr(err, errlen, "column %s: chunk type differs from "
		    "the schema", c->name);
	if (ch->codec != 0 && ch->codec != 1 && ch->codec != 2 &&
	    ch->codec != 6)
		return ferr(err, errlen, "column %s: compression codec %d "
		    "(%s) is not supported", c->name, ch->codec,
		    ch->codec == 5 ||
		    ch->codec == 7 ? "LZ4" : ch->codec == 4 ? "BROTLI" :
		    ch->codec == 3 ? "LZO" : "unknown");
	ch->start = dict > 0 && dict < data ? dict : data;
	if (ch->start < 4 || ch->len < 0 || ch->nvalues < 0 ||
	    (uint64_t)ch->start > f->size ||
	    (uint64_t)ch->len > f->size - (uint64_t)ch->start)
		return ferr(err, errlen, "column %s: chunk outside the file",
		    c->name);
	return 0;
}

static int
column_chunk(struct ll_pqfile *f, struct ll_tcr *t, struct chunk *ch,
    const struct ll_pqpage_schema *c, char *err, size_t errlen)
{
	const unsigned char *p;
	size_t n;
	int id, ft, meta = 0;

	if (ll_tcread_begin(t, LL_TCR_STRUCT) == -1)
		return -1;
	while (ll_tcread_field(t, &id, &ft)) {
		if (id == 1 && ll_tcread_bin(t, ft, &p, &n) == 0 && n > 0)
			return ferr(err, errlen, "column %s: data in another "
			    "file is not supported", c->name);
		else if (id == 3) {
			if (metadata(f, t, ft, ch, c, err, errlen) == -1)
				return -1;
			meta = 1;
		} else if (id == 8 || id == 9)
			return ferr(err, errlen, "encrypted columns are not "
			    "supported");
		else if (id != 1)
			ll_tcread_skip(t, ft);
	}
	ll_tcread_end(t);
	if (!meta)
		return ferr(err, errlen, "column %s: chunk without metadata",
		    c->name);
	return 0;
}

static int
rowgroup(struct ll_pqfile *f, struct ll_tcr *t, struct rowgroup *g,
    char *err, size_t errlen)
{
	size_t i, n;
	int id, ft, et, cols = 0;

	g->rows = -1;
	g->ch = xcalloc(f->ncols + 1, sizeof(*g->ch));
	if (ll_tcread_begin(t, LL_TCR_STRUCT) == -1)
		return -1;
	while (ll_tcread_field(t, &id, &ft)) {
		if (id == 1 && !cols) {
			n = ll_tcread_list(t, ft, &et);
			if (n != f->ncols || (n > 0 && et != LL_TCR_STRUCT))
				return ferr(err, errlen, "row group with %zu "
				    "columns, schema with %zu", n, f->ncols);
			for (i = 0; i < n; i++)
				if (column_chunk(f, t, &g->ch[i], &f->cols[i],
				    err, errlen) == -1)
					return -1;
			cols = 1;
		} else if (id == 3)
			g->rows = ll_tcread_int(t, ft);
		else
			ll_tcread_skip(t, ft);
	}
	ll_tcread_end(t);
	if (!ll_tcread_ok(t) || !cols || g->rows < 0)
		return ferr(err, errlen, "damaged row group");
	return 0;
}

static void
orders(struct ll_pqfile *f, struct ll_tcr *t, int type)
{
	size_t i, n;
	int id, ft, et;

	n = ll_tcread_list(t, type, &et);
	for (i = 0; i < n && ll_tcread_ok(t); i++) {
		if (ll_tcread_begin(t, et) == -1)
			break;
		while (ll_tcread_field(t, &id, &ft)) {
			if (id == 1 && i < f->ncols)
				f->cols[i].typeorder = 1;
			ll_tcread_skip(t, ft);
		}
		ll_tcread_end(t);
	}
}

static int
footer(struct ll_pqfile *f, const unsigned char *p, size_t n, char *err,
    size_t errlen)
{
	struct ll_tcr t;
	size_t i, nrg;
	int id, ft, et, haveschema = 0, n_orders = 0;

	ll_tcread_init(&t, p, n);
	while (ll_tcread_field(&t, &id, &ft)) {
		if (id == 2 && !haveschema) {
			if (schema(f, &t, ft, err, errlen) == -1)
				return -1;
			haveschema = 1;
		} else if (id == 4 && haveschema && f->rg == NULL) {
			nrg = ll_tcread_list(&t, ft, &et);
			f->rg = xcalloc(nrg + 1, sizeof(*f->rg));
			for (i = 0; i < nrg; i++) {
				f->nrg++;
				if (rowgroup(f, &t, &f->rg[i], err, errlen) == -1)
					return -1;
			}
		} else if (id == 7 && haveschema) {
			orders(f, &t, ft);
			n_orders = 1;
		} else if (id == 8 || id == 9)
			return ferr(err, errlen, "encrypted files are not "
			    "supported");
		else
			ll_tcread_skip(&t, ft);
	}
	if (!ll_tcread_ok(&t))
		return ferr(err, errlen, "damaged footer: %s", t.err);
	if (!haveschema)
		return ferr(err, errlen, "footer without a schema");
	(void)n_orders;
	return 0;
}

static struct ll_pqfile *
open_common(struct ll_pqfile *f, char *err, size_t errlen)
{
	unsigned char tail[8], head[4];
	uint32_t flen;
	size_t i;

	if (f->size < 12)
		goto bad;
	if (readat(f, head, 4, 0) == -1 || readat(f, tail, 8, f->size - 8))
		goto ioerr;
	if (memcmp(tail + 4, "PARE", 4) == 0) {
		ferr(err, errlen, "encrypted files are not supported");
		goto fail;
	}
	if (memcmp(head, "PAR1", 4) != 0 || memcmp(tail + 4, "PAR1", 4) != 0)
		goto bad;
	flen = (uint32_t)tail[0] | (uint32_t)tail[1] << 8 |
	    (uint32_t)tail[2] << 16 | (uint32_t)tail[3] << 24;
	if (flen > f->size - 12 || flen > MAXFOOTER) {
		ferr(err, errlen, "footer of %u bytes does not fit", flen);
		goto fail;
	}
	f->footer = xmalloc(flen > 0 ? flen : 1);
	if (readat(f, f->footer, flen, f->size - 8 - flen) == -1)
		goto ioerr;
	if (footer(f, f->footer, flen, err, errlen) == -1)
		goto fail;
	f->keys = xcalloc(f->ncols + 1, sizeof(*f->keys));
	for (i = 0; i < f->ncols; i++) {
		struct ll_jbuf b = { 0 };

		ll_jbuf_addraw_str(&b, f->cols[i].name, strlen(f->cols[i].name));
		ll_jbuf_addc(&b, ':');
		ll_jbuf_addc(&b, '\0');
		f->keys[i] = b.p;
	}
	return f;
bad:
	ferr(err, errlen, "not a Parquet file");
	goto fail;
ioerr:
	ferr(err, errlen, "%s", strerror(errno));
fail:
	ll_pqread_close(f);
	return NULL;
}

/*
 * Opens the Parquet file on FD (named NAME in messages); NULL with
 * the reason in ERR if it cannot be read or is refused.  The caller
 * keeps FD open until ll_pqread_close, and closes it.
 */
struct ll_pqfile *
ll_pqread_open(const char *name, int fd, char *err, size_t errlen)
{
	struct ll_pqfile *f;
	struct stat st;

	if (fstat(fd, &st) == -1) {
		ferr(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->name = xstrdup(name);
	f->fd = fd;
	f->size = (uint64_t)st.st_size;
	return open_common(f, err, errlen);
}

/* The same, for a file held in memory (N bytes at P). */
struct ll_pqfile *
ll_pqread_open_mem(const char *name, const void *p, size_t n, char *err,
    size_t errlen)
{
	struct ll_pqfile *f;

	f = xcalloc(1, sizeof(*f));
	f->name = xstrdup(name);
	f->fd = -1;
	f->mem = p;
	f->size = n;
	return open_common(f, err, errlen);
}

void
ll_pqread_close(struct ll_pqfile *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->ncols; i++) {
		free(f->cols[i].name);
		if (f->keys != NULL)
			free(f->keys[i]);
	}
	for (i = 0; i < f->nrg; i++)
		free(f->rg[i].ch);
	for (i = 0; i < f->nparts; i++) {
		free(f->parts[i].key);
		free(f->parts[i].val);
	}
	free(f->parts);
	free(f->rg);
	free(f->keys);
	free(f->cols);
	free(f->footer);
	free(f->name);
	free(f);
}

size_t
ll_pqread_ncols(const struct ll_pqfile *f)
{
	return f->ncols;
}

const struct ll_pqcolinfo *
ll_pqread_col(const struct ll_pqfile *f, size_t i)
{
	return &f->cols[i].info;
}

/* The index of the column NAME, or -1. */
int
ll_pqread_find(const struct ll_pqfile *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->ncols; i++)
		if (strcmp(f->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

size_t
ll_pqread_nrowgroups(const struct ll_pqfile *f)
{
	return f->nrg;
}

int64_t
ll_pqread_rows(const struct ll_pqfile *f, size_t rg)
{
	return f->rg[rg].rows;
}

static int
stat_value(const struct ll_pqpage_schema *c, const unsigned char *p,
    size_t n, struct ll_pqval *v)
{
	uint64_t u = 0;
	uint32_t w;
	float fl;
	size_t i;

	memset(v, 0, sizeof(*v));
	v->di = UINT32_MAX;
	if (c->ptype == LL_PQT_BYTE_ARRAY) {
		v->s = (const char *)p;
		v->n = n;
		return 0;
	}
	if (c->ptype == LL_PQT_BOOLEAN) {
		v->i = n == 1 ? p[0] & 1 : 0;
		return n == 1 ? 0 : -1;
	}
	if (n != (c->ptype == LL_PQT_INT32 || c->ptype == LL_PQT_FLOAT ?
	    4U : 8U))
		return -1;
	for (i = 0; i < n; i++)
		u |= (uint64_t)p[i] << 8 * i;
	switch (c->ptype) {
	case LL_PQT_INT32:
		v->i = c->info.kind == LL_PQK_UINT ? (int64_t)(uint32_t)u :
		    (int64_t)(int32_t)(uint32_t)u;
		break;
	case LL_PQT_INT64:
		v->i = (int64_t)u;
		break;
	case LL_PQT_FLOAT:
		w = (uint32_t)u;
		memcpy(&fl, &w, 4);
		v->d = fl;
		break;
	default:
		memcpy(&v->d, &u, 8);
	}
	return 0;
}

/*
 * The smallest and largest values of column COL in row group RG, as
 * the footer records them, in the column's own order; -1 if it does
 * not, or not in an order this reader trusts (the old fields are used
 * for signed numbers only, as the format says).
 */
int
ll_pqread_minmax(const struct ll_pqfile *f, size_t rg, size_t col,
    struct ll_pqval *min, struct ll_pqval *max)
{
	const struct chunk *ch = &f->rg[rg].ch[col];
	const struct ll_pqpage_schema *c = &f->cols[col];

	if (ch->min == NULL || ch->max == NULL)
		return -1;
	if (ch->legacy ? c->ptype == LL_PQT_BYTE_ARRAY ||
	    c->info.kind == LL_PQK_UINT : !c->typeorder)
		return -1;
	if (stat_value(c, ch->min, ch->nmin, min) == -1 ||
	    stat_value(c, ch->max, ch->nmax, max) == -1)
		return -1;
	return 0;
}

/* Where a partition column goes among the file's columns. */
static size_t
part_place(const struct ll_pqfile *f, const struct ll_table *t, int col)
{
	size_t i;
	int c;

	if (t == NULL || col < 0)
		return f->ncols;
	for (i = 0; i < f->ncols; i++) {
		c = ll_schema_column(t, f->cols[i].name);
		if (c < 0 || c > col)
			return i;
	}
	return f->ncols;
}

/*
 * Takes the partition values from PATH, LAKE/TABLE/KEY=VALUE/.../FILE:
 * each KEY=VALUE folder gives a column the file does not have.
 */
void
ll_pqread_partition(struct ll_pqfile *f, const char *path)
{
	struct ll_hiverow h;
	struct part *pt, tmp;
	size_t i, j;

	ll_hiverow_init(&h, path);
	for (i = 0; i < h.n; i++) {
		if (ll_pqread_find(f, h.p[i].name) >= 0)
			continue;
		f->parts = xreallocarray(f->parts, f->nparts + 1,
		    sizeof(*f->parts));
		pt = &f->parts[f->nparts++];
		pt->key = xstrdup(h.p[i].key);
		pt->val = xstrdup(h.p[i].val);
		pt->before = part_place(f, h.t, h.p[i].col);
		/* In order of place; equal places keep the path's order. */
		for (j = f->nparts - 1; j > 0 &&
		    f->parts[j - 1].before > f->parts[j].before; j--) {
			tmp = f->parts[j];
			f->parts[j] = f->parts[j - 1];
			f->parts[j - 1] = tmp;
		}
	}
	ll_hiverow_free(&h);
}

/*
 * A cursor over the file's row groups, reading the columns whose WANT
 * is not 0 (all of them when WANT is NULL).  One per thread.
 */
struct ll_pqcur *
ll_pqread_cursor(struct ll_pqfile *f, const unsigned char *want)
{
	struct ll_pqcur *c;
	size_t i;

	c = xcalloc(1, sizeof(*c));
	c->f = f;
	if ((c->z = libdeflate_alloc_decompressor()) == NULL ||
	    (c->zd = ZSTD_createDCtx()) == NULL)
		abort();
	c->sel = xcalloc(f->ncols + 1, sizeof(*c->sel));
	for (i = 0; i < f->ncols; i++)
		if (want == NULL || want[i])
			c->sel[c->nsel++] = i;
	c->pc = xcalloc(c->nsel + 1, sizeof(*c->pc));
	c->raw = xcalloc(c->nsel + 1, sizeof(*c->raw));
	c->rawcap = xcalloc(c->nsel + 1, sizeof(*c->rawcap));
	c->val = xcalloc(f->ncols + 1, sizeof(*c->val));
	for (i = 0; i < f->ncols; i++)
		c->val[i].null = 1;
	for (i = 0; i < c->nsel; i++)
		ll_pqpage_init(&c->pc[i], &f->cols[c->sel[i]], c->z, c->zd);
	c->rg = SIZE_MAX;
	return c;
}

static int LL_PRINTF(2, 3)
cerr(struct ll_pqcur *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->err, sizeof(c->err), fmt, ap);
	va_end(ap);
	return -1;
}

/* Reads row group RG's chunks; rows then come from ll_pqread_next. */
int
ll_pqread_start(struct ll_pqcur *c, size_t rg)
{
	const struct chunk *ch;
	size_t i, n;

	c->rg = rg;
	c->row = 0;
	c->rows = c->f->rg[rg].rows;
	c->base = 0;
	for (i = 0; i < rg; i++)
		c->base += c->f->rg[i].rows;
	c->err[0] = '\0';
	for (i = 0; i < c->nsel; i++) {
		ch = &c->f->rg[rg].ch[c->sel[i]];
		n = (size_t)ch->len;
		if (n > c->rawcap[i]) {
			free(c->raw[i]);
			c->rawcap[i] = n;
			c->raw[i] = xmalloc(n);
		}
		if (readat(c->f, c->raw[i], n, (uint64_t)ch->start) == -1)
			return cerr(c, "%s", strerror(errno));
		ll_pqpage_chunk(&c->pc[i], c->raw[i], n, ch->codec,
		    ch->nvalues);
	}
	return 0;
}

/*
 * Reads COUNT rows of row group RG from its row FIRST: pages before
 * it are passed over by their headers, so threads can share a row
 * group.
 */
int
ll_pqread_range(struct ll_pqcur *c, size_t rg, int64_t first, int64_t count)
{
	size_t i;

	if (ll_pqread_start(c, rg) == -1)
		return -1;
	if (first < 0 || first > c->rows)
		first = c->rows;
	for (i = 0; i < c->nsel && first > 0; i++)
		if (ll_pqpage_skip(&c->pc[i], first) == -1)
			return cerr(c, "row group %zu, column %s: %s", rg,
			    c->f->cols[c->sel[i]].name, c->pc[i].err);
	c->row = first;
	if (count >= 0 && count < c->rows - first)
		c->rows = first + count;
	return 0;
}

/* The next row of the row group: 1, 0 after the last, -1 on error. */
int
ll_pqread_next(struct ll_pqcur *c)
{
	size_t i;
	int bad;

	if (c->rg == SIZE_MAX || c->err[0] != '\0')
		return -1;
	if (c->row == c->rows) {
		for (i = 0; c->rows == c->f->rg[c->rg].rows && i < c->nsel;
		    i++)
			if (c->pc[i].left != 0)
				return cerr(c, "column %s holds more values "
				    "than its row group has rows",
				    c->f->cols[c->sel[i]].name);
		return 0;
	}
	if ((bad = ll_pqpage_row(c->pc, c->nsel, c->val, c->sel)) >= 0)
		return cerr(c, "row group %zu, column %s: %s", c->rg,
		    c->f->cols[c->sel[bad]].name, c->pc[bad].err);
	c->row++;
	return 1;
}

const struct ll_pqval *
ll_pqread_val(const struct ll_pqcur *c, size_t col)
{
	return &c->val[col];
}

/* The current row's number in the file, from 1. */
int64_t
ll_pqread_rowno(const struct ll_pqcur *c)
{
	return c->base + c->row;
}

const char *
ll_pqread_error(const struct ll_pqcur *c)
{
	return c->err;
}

/* Why ll_pqread_json last refused a row. */
const char *
ll_pqread_value_error(const struct ll_pqcur *c)
{
	return c->verr;
}

void
ll_pqread_cursor_free(struct ll_pqcur *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nsel; i++) {
		ll_pqpage_free(&c->pc[i]);
		free(c->raw[i]);
	}
	libdeflate_free_decompressor(c->z);
	ZSTD_freeDCtx(c->zd);
	free(c->pc);
	free(c->raw);
	free(c->rawcap);
	free(c->sel);
	free(c->val);
	free(c);
}

/*
 * V, in units of UNIT a second, as RFC 3339 UTC text: milliseconds
 * always, more digits only when V has them.  -1 outside years 0-9999.
 */
int
ll_pqread_format_time(int64_t v, int64_t unit, char *buf, size_t size)
{
	int64_t sec, frac, ms, sub, sod;
	char day[11];
	int digits;

	if (unit <= 0)
		return -1;
	sec = v / unit - (v % unit < 0);
	frac = v - sec * unit;
	if (sec < -62167219200LL || sec > 253402300799LL ||
	    ll_isotime_day(sec * 1000, day) == -1)
		return -1;
	sod = sec - (sec / 86400 - (sec % 86400 < 0)) * 86400;
	ms = frac * 1000 / unit;
	sub = frac - ms * (unit / 1000);
	if (sub == 0 || unit <= 1000)
		return snprintf(buf, size, "%sT%02d:%02d:%02d.%03dZ", day,
		    (int)(sod / 3600), (int)(sod / 60 % 60), (int)(sod % 60),
		    (int)ms) < (int)size ? 0 : -1;
	digits = unit == 1000000 ? 6 : 9;
	return snprintf(buf, size, "%sT%02d:%02d:%02d.%0*jdZ", day,
	    (int)(sod / 3600), (int)(sod / 60 % 60), (int)(sod % 60), digits,
	    (intmax_t)frac) < (int)size ? 0 : -1;
}

/* The shortest text that reads back as D (as a float with FLT). */
static int
format_double(double d, int flt, char *buf, size_t size)
{
	int prec, max = flt ? 9 : 17;

	if (isnan(d))
		return snprintf(buf, size, "NaN");
	if (isinf(d))
		return snprintf(buf, size, d > 0 ? "Infinity" : "-Infinity");
	for (prec = flt ? 6 : 15; prec < max; prec++) {
		snprintf(buf, size, "%.*g", prec, d);
		if (flt ? strtof(buf, NULL) == (float)d : strtod(buf, NULL) == d)
			break;
	}
	return snprintf(buf, size, "%.*g", prec, d);
}

/*
 * The text of a value of column COL that is not a string, as its JSON
 * has it, without quotes; 0 for a null or a string.
 */
size_t
ll_pqread_text(const struct ll_pqcur *c, size_t col, char *buf, size_t size)
{
	const struct ll_pqval *v = &c->val[col];
	const struct ll_pqcolinfo *ci = &c->f->cols[col].info;
	int n = 0;

	if (v->null || size == 0)
		return 0;
	switch (ci->kind) {
	case LL_PQK_STRING:
		return 0;
	case LL_PQK_INT:
		n = snprintf(buf, size, "%jd", (intmax_t)v->i);
		break;
	case LL_PQK_UINT:
		n = snprintf(buf, size, "%ju", (uintmax_t)(uint64_t)v->i);
		break;
	case LL_PQK_BOOL:
		n = snprintf(buf, size, "%s", v->i ? "true" : "false");
		break;
	case LL_PQK_DOUBLE:
		n = format_double(v->d, c->f->cols[col].ptype == LL_PQT_FLOAT,
		    buf, size);
		break;
	case LL_PQK_TIME:
		if (ll_pqread_format_time(v->i, ci->unit, buf, size) == -1)
			return 0;
		n = (int)strlen(buf);
		break;
	case LL_PQK_DATE:
		if (v->i < -719528 || v->i > 2932896 ||
		    ll_isotime_day(v->i * 86400000, buf) == -1)
			return 0;
		n = 10;
		break;
	}
	return n < 0 || (size_t)n >= size ? 0 : (size_t)n;
}

static int
put_value(struct ll_pqcur *c, size_t col, struct ll_jbuf *b)
{
	const struct ll_pqval *v = &c->val[col];
	const struct ll_pqcolinfo *ci = &c->f->cols[col].info;
	char tmp[64];
	size_t n;

	if (v->null) {
		ll_jbuf_add(b, "null", 4);
		return 0;
	}
	if (ci->kind == LL_PQK_STRING) {
		if (!utf8_ok((const unsigned char *)v->s, v->n))
			return cerr(c, "column %s: not UTF-8 text", ci->name);
		ll_jbuf_addraw_str(b, v->s, v->n);
		return 0;
	}
	if ((n = ll_pqread_text(c, col, tmp, sizeof(tmp))) == 0)
		return cerr(c, "column %s: %s out of range", ci->name,
		    ci->kind == LL_PQK_DATE ? "date" : "time");
	if (ci->kind == LL_PQK_TIME || ci->kind == LL_PQK_DATE ||
	    (ci->kind == LL_PQK_DOUBLE && !isfinite(v->d)))
		ll_jbuf_addraw_str(b, tmp, n);
	else
		ll_jbuf_add(b, tmp, n);
	return 0;
}

/*
 * Appends the current row as one JSON object: the columns read, in
 * the file's order, with the partition values in their places.  -1
 * if a value cannot be written as JSON (text that is not UTF-8, a
 * time outside years 0-9999), with what in ll_pqread_value_error;
 * the next row can still be read.
 */
int
ll_pqread_json(struct ll_pqcur *c, struct ll_jbuf *b)
{
	const struct ll_pqfile *f = c->f;
	size_t i, pi = 0, start = b->len;
	int first = 1;

	ll_jbuf_addc(b, '{');
	for (i = 0; i <= c->nsel; i++) {
		while (pi < f->nparts && (i == c->nsel ||
		    f->parts[pi].before <= c->sel[i])) {
			if (!first)
				ll_jbuf_addc(b, ',');
			first = 0;
			ll_jbuf_adds(b, f->parts[pi].key);
			ll_jbuf_adds(b, f->parts[pi].val);
			pi++;
		}
		if (i == c->nsel)
			break;
		if (!first)
			ll_jbuf_addc(b, ',');
		first = 0;
		ll_jbuf_adds(b, f->keys[c->sel[i]]);
		if (put_value(c, c->sel[i], b) == -1) {
			/* The row is lost, not the rows after it. */
			memcpy(c->verr, c->err, sizeof(c->verr));
			c->err[0] = '\0';
			b->len = start;
			return -1;
		}
	}
	ll_jbuf_addc(b, '}');
	return 0;
}
