/*
 * A row is searched in every column, as text: strings as they are and,
 * when they hold a backslash, with their JSON escapes decoded once
 * more (JSON kept in a column, as requestparameters is), other values
 * as their JSON text.  A dictionary entry is searched once per
 * dictionary, and its result remembered; most of a CloudTrail table
 * is dictionary encoded, so most values cost a table lookup.  An
 * NDJSON line is searched as ll-filter --grep does: as written, then
 * decoded, then decoded again.  Only a row that holds an indicator
 * (or every row, without indicators) has its time read and its
 * record built.
 */
#include <err.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "columns.h"
#include "common.h"
#include "io/acmatch.h"
#include "io/input.h"
#include "io/reader.h"
#include "json/jfind.h"
#include "json/jscan.h"
#include "json/json.h"
#include "json/jtexts.h"
#include "lake/hiverow.h"
#include "lake/pqread.h"
#include "ll.h"
#include "scan.h"
#include "sorter.h"
#include "tables.h"
#include "xalloc.h"

#define MS_MIN	(-62167219200000LL)	/* 0000-01-01 */
#define MS_END	253402300800000LL	/* 10000-01-01 */
#define MS_DAY	86400000LL
#define PAGE_ROWS	20000		/* lib/lake/parquet.c's page_rows */

/* A file of the group being read. */
struct sfile {
	struct ll_tfile	*tf;
	uint32_t	 frank;
	int		 fd;
	struct ll_pqfile *pq;
	int		 timecol;	/* the time's column, or -1 */
	int		*cand;		/* per candidate: its column, or -1 */
	unsigned char	*want;		/* columns decoded; NULL: all */
};

/* A unit of work, and what came of it. */
struct unit {
	struct sfile	*sf;
	size_t		 group;		/* in the window */
	size_t		 rg;		/* a row group; SIZE_MAX: NDJSON */
	int64_t		 first, count;	/* its rows */
	struct ll_jbuf	 log;		/* messages, a line each */
	uint64_t	 rows, no_time, bad_value;
	int		 damaged;
};

/* What a worker remembers of one column's dictionary. */
struct dcache {
	uint32_t	 dgen;
	int		 valid;
	uint32_t	*slot;		/* per entry: 1 + its place in pool */
	size_t		 cap;
	uint32_t	*pool;		/* count, then ids */
	size_t		 plen, pcap;
};

struct worker {
	struct ll_scan	*s;
	struct ll_sorter **sorter;	/* one per group of the window */
	struct ll_achits hits, tmp;
	struct ll_jtexts tx;		/* for NDJSON lines */
	struct ll_jbuf	 line, rec;
	char		*dec;
	size_t		 decsize;
	struct dcache	*dc;
	size_t		 ndc;
	struct ll_pqcur	*cur;		/* on curfile */
	const struct ll_pqfile *curfile;
	pthread_t	 thr;
};

struct ll_scan {
	struct ll_scan_opts o;
	struct ll_tables *t;
	struct worker	*w;
	size_t		 nw;
	size_t		 window;	/* day groups read at once */
	struct sfile	*sf;
	size_t		 nsf;
	struct unit	*u;
	size_t		 nu, npq;
	size_t		 next;
	pthread_mutex_t	 mu;
	struct ll_path	*paths;		/* the candidates, for NDJSON */
	struct ll_jfind	 jf;
	int		 ctcand[2], cwcand[2];	/* for guessing a table */
	uint64_t	 rowgroups, pruned, blank;
};

struct ll_scan *
ll_scan_new(const struct ll_scan_opts *o, struct ll_tables *t)
{
	struct ll_scan *s;
	const char *why, *p;
	size_t i, j, n;

	s = xcalloc(1, sizeof(*s));
	s->o = *o;
	s->t = t;
	s->nw = o->jobs > 0 ? o->jobs : 1;
	s->window = s->nw;
	s->w = xcalloc(s->nw, sizeof(*s->w));
	for (i = 0; i < s->nw; i++) {
		s->w[i].s = s;
		s->w[i].sorter = xcalloc(s->window, sizeof(*s->w[i].sorter));
		for (j = 0; j < s->window; j++)
			s->w[i].sorter[j] = ll_sorter_new(o->memory / s->nw /
			    s->window);
		if (o->ac != NULL) {
			ll_achits_init(&s->w[i].hits, o->ac);
			ll_achits_init(&s->w[i].tmp, o->ac);
		}
	}
	pthread_mutex_init(&s->mu, NULL);
	s->paths = xcalloc(ll_common_ncands, sizeof(*s->paths));
	for (i = 0; i < ll_common_ncands; i++) {
		if (ll_path_parse(&s->paths[i], ll_common_cands[i].path,
		    &why) == -1)
			errx(LL_EXIT_IO, "%s: %s", ll_common_cands[i].path, why);
		if (strcmp(ll_common_cands[i].path, "eventTime") == 0)
			s->ctcand[0] = (int)i;
		if (strcmp(ll_common_cands[i].path, "eventtime") == 0)
			s->ctcand[1] = (int)i;
		if (strcmp(ll_common_cands[i].path, "logStream") == 0)
			s->cwcand[0] = (int)i;
		if (strcmp(ll_common_cands[i].path, "logstream") == 0)
			s->cwcand[1] = (int)i;
	}
	ll_jfind_init(&s->jf, s->paths, ll_common_ncands);
	/* A needle holding white space makes --grep leave it out between
	 * tokens first; so do we. */
	for (i = 0; o->ac != NULL && i < ll_acmatch_count(o->ac); i++) {
		p = ll_acmatch_pattern(o->ac, i, &n);
		if (memchr(p, ' ', n) != NULL || memchr(p, '\t', n) != NULL ||
		    memchr(p, '\n', n) != NULL || memchr(p, '\r', n) != NULL)
			for (j = 0; j < s->nw; j++)
				s->w[j].tx.ws = 1;
	}
	return s;
}

/* What a unit notes, printed by the main thread in unit order. */
enum { N_TIME, N_VALUE, N_DAMAGED };

/* Notes a message of kind K about row ROW (0: the unit) of U's file. */
static void
ulog(struct unit *u, int k, uint64_t row, const char *msg)
{
	char n[48];

	snprintf(n, sizeof(n), "%d\t%ju\t", k, (uintmax_t)row);
	ll_jbuf_adds(&u->log, n);
	ll_jbuf_adds(&u->log, msg);
	ll_jbuf_addc(&u->log, '\n');
}

/* A time in milliseconds from a Parquet value; -1 if it is none. */
static int
val_ms(const struct ll_pqval *v, const struct ll_pqcolinfo *ci, int64_t *ms)
{
	int64_t per;

	if (v->null)
		return -1;
	switch (ci->kind) {
	case LL_PQK_STRING:
		return ll_common_time_text(v->s, v->n, 0, ms);
	case LL_PQK_TIME:
		per = ci->unit / 1000;
		*ms = per <= 1 ? v->i : v->i / per - (v->i % per < 0);
		break;
	case LL_PQK_INT:
	case LL_PQK_UINT:
		*ms = v->i;
		break;
	case LL_PQK_DATE:
		if (v->i < MS_MIN / MS_DAY || v->i > MS_END / MS_DAY)
			return -1;
		*ms = v->i * MS_DAY;
		break;
	case LL_PQK_DOUBLE:
		if (!(v->d > (double)MS_MIN && v->d < (double)MS_END))
			return -1;
		*ms = (int64_t)v->d - (v->d < (double)(int64_t)v->d);
		break;
	default:
		return -1;
	}
	return *ms >= MS_MIN && *ms < MS_END ? 0 : -1;
}

/*
 * Whether row group RG may hold rows in the window, by its time
 * statistics.  Times as text order by their bytes only to the second
 * and only in one time zone: the bound is exact for UTC ("Z") minima
 * and maxima, and a day wider otherwise.
 */
static int
rg_in_window(struct ll_scan *s, struct sfile *sf, size_t rg)
{
	const struct ll_pqcolinfo *ci;
	struct ll_pqval lo, hi;
	int64_t a, b, slack = 0;

	if (sf->timecol < 0 ||
	    ll_pqread_minmax(sf->pq, rg, (size_t)sf->timecol, &lo, &hi) == -1)
		return 1;
	ci = ll_pqread_col(sf->pq, (size_t)sf->timecol);
	if (val_ms(&lo, ci, &a) == -1 || val_ms(&hi, ci, &b) == -1)
		return 1;
	if (ci->kind == LL_PQK_STRING && (lo.n < 20 || lo.s[lo.n - 1] != 'Z' ||
	    hi.n < 20 || hi.s[hi.n - 1] != 'Z'))
		slack = MS_DAY;
	if (ci->kind == LL_PQK_STRING)
		b += 1000;	/* a fraction sorts before its second's end */
	return !(b + slack < s->o.since || a - slack > s->o.until);
}

static void
add_unit(struct ll_scan *s, struct sfile *sf, size_t group, size_t rg,
    int64_t first, int64_t count)
{
	struct unit *u;

	s->u = xreallocarray(s->u, s->nu + 1, sizeof(*s->u));
	u = &s->u[s->nu++];
	memset(u, 0, sizeof(*u));
	u->sf = sf;
	u->group = group;
	u->rg = rg;
	u->first = first;
	u->count = count;
}

/*
 * Cuts a row group into ranges for the threads: a few per thread, in
 * multiples of the 20,000 rows of our writer's pages, so that a range
 * starts where pages start and the pages before it are passed over
 * unread.
 */
static void
add_rowgroup(struct ll_scan *s, struct sfile *sf, size_t group, size_t rg)
{
	int64_t rows = ll_pqread_rows(sf->pq, rg), step, first;

	step = rows;
	if (s->nw > 1) {
		step = (rows / PAGE_ROWS + 1) / (int64_t)(4 * s->nw) + 1;
		step *= PAGE_ROWS;
	}
	for (first = 0; first < rows; first += step)
		add_unit(s, sf, group, rg, first, rows - first < step ?
		    rows - first : step);
}

/*
 * The columns to decode with --columns and no indicators: those listed
 * and those the common columns are taken from.  Indicators are looked
 * for in every column, so with them every column is decoded.
 */
static unsigned char *
want(const struct ll_scan *s, const struct sfile *sf)
{
	const char *name;
	unsigned char *w;
	size_t i, n = ll_pqread_ncols(sf->pq);

	if (s->o.cols == NULL || s->o.ac != NULL)
		return NULL;
	w = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		name = ll_pqread_col(sf->pq, i)->name;
		w[i] = ll_cols_has(s->o.cols, name, strlen(name));
	}
	for (i = 0; i < ll_common_ncands; i++)
		if (sf->cand[i] >= 0)
			w[sf->cand[i]] = 1;
	return w;
}

/* Opens a Parquet file of the group and plans its row groups. */
static void
plan_parquet(struct ll_scan *s, struct sfile *sf, size_t group)
{
	char why[256];
	size_t i, rg;
	int c;

	if ((sf->fd = open(sf->tf->path, O_RDONLY)) == -1) {
		warn("%s", sf->tf->path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	if ((sf->pq = ll_pqread_open(sf->tf->path, sf->fd, why,
	    sizeof(why))) == NULL) {
		ll_msg("%s: Parquet: %s", sf->tf->path, why);
		ll_count(LL_R_PARQUET_REFUSED);
		ll_fail(LL_EXIT_REJECT);
		return;
	}
	ll_pqread_partition(sf->pq, sf->tf->path);
	sf->cand = xcalloc(ll_common_ncands, sizeof(*sf->cand));
	sf->timecol = -1;
	for (i = 0; i < ll_common_ncands; i++) {
		c = ll_pqread_find(sf->pq, ll_common_cands[i].path);
		sf->cand[i] = c;
		if (c >= 0 && sf->timecol < 0 &&
		    ll_common_cands[i].field == LL_C_TIME)
			sf->timecol = c;
	}
	sf->want = want(s, sf);
	for (rg = 0; rg < ll_pqread_nrowgroups(sf->pq); rg++) {
		s->rowgroups++;
		if (ll_pqread_rows(sf->pq, rg) == 0)
			continue;
		if (rg_in_window(s, sf, rg))
			add_rowgroup(s, sf, group, rg);
		else
			s->pruned++;
	}
}

/*
 * A value is searched as it is, and, when it is JSON holding escapes
 * (requestparameters, a message), with its strings decoded, as
 * --grep searches JSON held in a JSON string: other text is never
 * decoded, so a typed "\t" stays two characters.
 */
static void
match_text(struct worker *w, struct ll_achits *h, const char *p, size_t n)
{
	struct ll_jscan sc;
	struct ll_jval v;
	size_t i, m;
	int ok;

	ll_acmatch_scan(w->s->o.ac, p, n, h);
	for (i = 0; i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
	    p[i] == '\r'); i++)
		;
	if (i == n || (p[i] != '{' && p[i] != '[') ||
	    memchr(p + i, '\\', n - i) == NULL)
		return;
	memset(&sc, 0, sizeof(sc));
	ll_jscan_init(&sc, p, n);
	ok = ll_jscan_value(&sc, &v) == 0 && ll_jscan_end(&sc) == 0;
	ll_jscan_free(&sc);
	if (!ok)
		return;
	if (n > w->decsize) {
		free(w->dec);
		w->decsize = n;
		w->dec = xmalloc(n);
	}
	m = ll_json_unescape(w->dec, p, n);
	ll_acmatch_scan(w->s->o.ac, w->dec, m, h);
}

/* The indicators in a dictionary entry, found once per dictionary. */
static void
match_dict(struct worker *w, size_t col, const struct ll_pqval *v)
{
	struct dcache *d = &w->dc[col];
	uint32_t off, k;
	size_t need;

	if (!d->valid || d->dgen != v->dgen) {
		if (d->cap > 0)
			memset(d->slot, 0, d->cap * sizeof(*d->slot));
		d->plen = 0;
		d->dgen = v->dgen;
		d->valid = 1;
	}
	if (v->di >= d->cap) {
		need = (size_t)v->di + 1 > d->cap * 2 ? (size_t)v->di + 1 :
		    d->cap * 2;
		d->slot = xreallocarray(d->slot, need, sizeof(*d->slot));
		memset(d->slot + d->cap, 0, (need - d->cap) * sizeof(*d->slot));
		d->cap = need;
	}
	if (d->slot[v->di] == 0) {
		ll_achits_clear(&w->tmp);
		match_text(w, &w->tmp, v->s, v->n);
		if (d->plen + w->tmp.n + 1 > d->pcap) {
			d->pcap = (d->plen + w->tmp.n + 1) * 2;
			d->pool = xreallocarray(d->pool, d->pcap,
			    sizeof(*d->pool));
		}
		d->slot[v->di] = (uint32_t)d->plen + 1;
		d->pool[d->plen++] = (uint32_t)w->tmp.n;
		for (k = 0; k < w->tmp.n; k++)
			d->pool[d->plen++] = w->tmp.id[k];
	}
	off = d->slot[v->di] - 1;
	for (k = 0; k < d->pool[off]; k++)
		ll_achits_add(&w->hits, d->pool[off + 1 + k]);
}

static int
match_row(struct worker *w, struct ll_pqcur *cur, const struct ll_pqfile *pq)
{
	const struct ll_pqval *v;
	size_t c, n, ncols = ll_pqread_ncols(pq);
	char tmp[64];

	ll_achits_clear(&w->hits);
	if (ncols > w->ndc) {
		w->dc = xreallocarray(w->dc, ncols, sizeof(*w->dc));
		memset(w->dc + w->ndc, 0, (ncols - w->ndc) * sizeof(*w->dc));
		w->ndc = ncols;
	}
	for (c = 0; c < ncols; c++) {
		v = ll_pqread_val(cur, c);
		if (v->null)
			continue;
		if (ll_pqread_col(pq, c)->kind != LL_PQK_STRING) {
			if ((n = ll_pqread_text(cur, c, tmp, sizeof(tmp))) > 0)
				match_text(w, &w->hits, tmp, n);
		} else if (v->di != UINT32_MAX)
			match_dict(w, c, v);
		else
			match_text(w, &w->hits, v->s, v->n);
	}
	return w->hits.n > 0;
}

/* ,"ll_match":[...] from the worker's hits, in the indicators' order. */
static void
put_matches(struct worker *w, struct ll_jbuf *b)
{
	const char *p;
	size_t i, n;

	if (w->s->o.ac == NULL)
		return;
	ll_achits_sort(&w->hits);
	ll_jbuf_adds(b, ",\"ll_match\":[");
	for (i = 0; i < w->hits.n; i++) {
		if (i > 0)
			ll_jbuf_addc(b, ',');
		p = ll_acmatch_pattern(w->s->o.ac, w->hits.id[i], &n);
		ll_jbuf_addraw_str(b, p, n);
	}
	ll_jbuf_addc(b, ']');
}

/* The common fields of a Parquet row, each from its first candidate set. */
static void
pq_fields(struct ll_pqcur *cur, const struct sfile *sf, struct ll_jbuf *b)
{
	const struct ll_pqval *v;
	size_t i, n;
	int f, pick[LL_NCOMMON];
	char tmp[64];

	for (f = 0; f < LL_NCOMMON; f++)
		pick[f] = -1;
	for (i = 0; i < ll_common_ncands; i++) {
		f = ll_common_cands[i].field;
		if (pick[f] < 0 && sf->cand[i] >= 0 &&
		    !ll_pqread_val(cur, (size_t)sf->cand[i])->null)
			pick[f] = sf->cand[i];
	}
	for (f = LL_C_TIME + 1; f < LL_NCOMMON; f++) {
		if (pick[f] < 0) {
			ll_common_null(b, f);
			continue;
		}
		v = ll_pqread_val(cur, (size_t)pick[f]);
		if (ll_pqread_col(sf->pq, (size_t)pick[f])->kind ==
		    LL_PQK_STRING)
			ll_common_str(b, f, v->s, v->n);
		else if ((n = ll_pqread_text(cur, (size_t)pick[f], tmp,
		    sizeof(tmp))) > 0)
			ll_common_str(b, f, tmp, n);
		else
			ll_common_null(b, f);
	}
}

static void
pq_row(struct worker *w, struct unit *u, struct ll_pqcur *cur)
{
	const struct sfile *sf = u->sf;
	struct ll_skey k;
	int64_t ms;

	if (w->s->o.ac != NULL && !match_row(w, cur, sf->pq))
		return;
	if (sf->timecol < 0 || val_ms(ll_pqread_val(cur,
	    (size_t)sf->timecol), ll_pqread_col(sf->pq, (size_t)sf->timecol),
	    &ms) == -1) {
		ulog(u, N_TIME, (uint64_t)ll_pqread_rowno(cur),
		    sf->timecol < 0 ? "(none of the time columns)" :
		    ll_pqread_col(sf->pq, (size_t)sf->timecol)->name);
		u->no_time++;
		return;
	}
	if (ms < w->s->o.since || ms > w->s->o.until)
		return;
	w->rec.len = 0;
	if (ll_pqread_json(cur, &w->rec) == -1) {
		ulog(u, N_VALUE, (uint64_t)ll_pqread_rowno(cur),
		    ll_pqread_value_error(cur));
		u->bad_value++;
		return;
	}
	w->line.len = 0;
	ll_common_begin(&w->line, ms, sf->tf->table);
	pq_fields(cur, sf, &w->line);
	put_matches(w, &w->line);
	ll_jbuf_adds(&w->line, ",\"record\":");
	if (w->s->o.cols != NULL)
		ll_cols_project(w->s->o.cols, w->rec.p, w->rec.len, &w->line);
	else
		ll_jbuf_add(&w->line, w->rec.p, w->rec.len);
	ll_jbuf_addc(&w->line, '}');
	k.ms = ms;
	k.table = sf->tf->trank;
	k.file = sf->frank;
	k.row = (uint64_t)ll_pqread_rowno(cur);
	ll_sorter_add(w->sorter[u->group], &k, w->line.p, w->line.len);
}

/*
 * The worker's cursor on U's file: kept from one unit to the next of
 * the same file, so that its buffers are not given back to the system
 * and zeroed again for every row group.
 */
static struct ll_pqcur *
cursor(struct worker *w, const struct unit *u)
{
	if (w->cur != NULL && w->curfile == u->sf->pq)
		return w->cur;
	ll_pqread_cursor_free(w->cur);
	w->curfile = u->sf->pq;
	return w->cur = ll_pqread_cursor(u->sf->pq, u->sf->want);
}

static void
pq_unit(struct worker *w, struct unit *u)
{
	struct ll_pqcur *cur;
	int r;

	cur = cursor(w, u);
	if (ll_pqread_range(cur, u->rg, u->first, u->count) == 0)
		while ((r = ll_pqread_next(cur)) == 1) {
			u->rows++;
			pq_row(w, u, cur);
		}
	if (ll_pqread_error(cur)[0] != '\0') {
		ulog(u, N_DAMAGED, 0, ll_pqread_error(cur));
		u->damaged = 1;
	}
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct ll_scan *s = w->s;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&s->mu);
		i = s->next++;
		pthread_mutex_unlock(&s->mu);
		if (i >= s->npq)
			break;
		pq_unit(w, &s->u[i]);
	}
	return NULL;
}

/* Runs the Parquet units on the workers, in threads if more than one. */
static void
run_parquet(struct ll_scan *s)
{
	size_t i, n;

	s->next = 0;
	n = s->nw < s->npq ? s->nw : s->npq;
	if (n <= 1) {
		work(&s->w[0]);
		return;
	}
	for (i = 0; i < n; i++)
		if (pthread_create(&s->w[i].thr, NULL, work, &s->w[i]) != 0)
			errx(LL_EXIT_IO, "cannot start a thread");
	for (i = 0; i < n; i++)
		pthread_join(s->w[i].thr, NULL);
}

/* Prints one noted line: kind, row, message. */
static void
say(const char *path, char *line)
{
	char *row, *msg;
	uintmax_t n;

	row = strchr(line, '\t') + 1;
	msg = strchr(row, '\t') + 1;
	n = strtoumax(row, NULL, 10);
	switch (atoi(line)) {
	case N_TIME:
		ll_warnx_at(path, n, "no usable time in %s", msg);
		break;
	case N_VALUE:
		ll_warnx_at(path, n, "Parquet value: %s", msg);
		break;
	default:
		ll_msg("%s: Parquet: %s; rest of row group skipped", path,
		    msg);
	}
}

/* Prints what the units noted, in their order, and counts it. */
static void
report(struct ll_scan *s)
{
	struct unit *u;
	char *p, *nl;
	size_t i;

	for (i = 0; i < s->npq; i++) {
		u = &s->u[i];
		ll_stats.records_in += u->rows;
		for (p = u->log.p; p != NULL && p < u->log.p + u->log.len;
		    p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(u->log.p + u->log.len - p));
			*nl = '\0';
			say(u->sf->tf->path, p);
		}
		ll_stats.rejected += u->no_time + u->bad_value;
		if (u->no_time > 0)
			ll_count_n(LL_R_NO_TIME, u->no_time);
		if (u->bad_value > 0)
			ll_count_n(LL_R_PARQUET_VALUE, u->bad_value);
		if (u->damaged) {
			ll_count(LL_R_PARQUET_DAMAGED);
			ll_fail(LL_EXIT_REJECT);
		}
		ll_jbuf_free(&u->log);
	}
}

/* The span's time: RFC 3339 text, or milliseconds as a number. */
static int
span_ms(struct worker *w, const struct ll_jspan *v, int64_t *ms)
{
	size_t n;

	if (v->type == LL_JF_NUMBER)
		return ll_common_time_text(v->p, v->len, 1, ms);
	if (v->type != LL_JF_STRING)
		return -1;
	if (!v->esc)
		return ll_common_time_text(v->p, v->len, 0, ms);
	if (v->len > w->decsize) {
		free(w->dec);
		w->decsize = v->len;
		w->dec = xmalloc(v->len);
	}
	n = ll_json_unescape(w->dec, v->p, v->len);
	return ll_common_time_text(w->dec, n, 0, ms);
}

static int
scan_text(void *arg, const char *s, size_t n)
{
	struct worker *w = arg;

	ll_acmatch_scan(w->s->o.ac, s, n, &w->hits);
	return 0;
}

/* Whether the line holds an indicator, in the texts --grep searches. */
static int
match_line(struct worker *w, const char *line, size_t n)
{
	ll_achits_clear(&w->hits);
	ll_jtexts_walk(&w->tx, line, n, scan_text, w);
	return w->hits.n > 0;
}

/* The record's time, from the first time candidate it has. */
static int
line_time(struct worker *w, const struct ll_jfind *jf, int64_t *ms)
{
	size_t i;

	for (i = 0; i < ll_common_ncands; i++)
		if (ll_common_cands[i].field == LL_C_TIME &&
		    jf->val[i].type != LL_JF_ABSENT &&
		    jf->val[i].type != LL_JF_NULL)
			return span_ms(w, &jf->val[i], ms);
	return -1;
}

/*
 * The strings of the array at P (up to END) joined by newlines, into
 * W->rec; -1 if it holds anything but strings.
 */
static int
lines(struct worker *w, const char *p, const char *end)
{
	struct ll_jscan sc;
	struct ll_jiter it;
	struct ll_jval v;
	int r, first = 1;

	w->rec.len = 0;
	memset(&sc, 0, sizeof(sc));
	ll_jscan_init(&sc, p, (size_t)(end - p));
	r = ll_jscan_open(&sc, &it);
	while (r == 0 && (r = ll_jscan_next(&sc, &it, &v)) == 1) {
		if ((r = ll_jscan_value(&sc, &v)) == 0 && v.type != LL_JSTR)
			r = -1;
		if (r == -1)
			break;
		if (!first)
			ll_jbuf_addc(&w->rec, '\n');
		first = 0;
		ll_jbuf_addunesc(&w->rec, &v);
		r = 0;
	}
	ll_jscan_free(&sc);
	return r == -1 ? -1 : 0;
}

static void
line_fields(struct worker *w, const struct ll_jfind *jf, const char *end,
    struct ll_jbuf *b)
{
	const struct ll_jspan *v;
	size_t i;
	int f, done[LL_NCOMMON] = { 0 };

	/* A field at a time, in order: candidates are tried in theirs. */
	for (f = LL_C_TIME + 1; f < LL_NCOMMON; f++) {
		for (i = 0; i < ll_common_ncands && !done[f]; i++) {
			v = &jf->val[i];
			if (ll_common_cands[i].field != f ||
			    v->type == LL_JF_ABSENT || v->type == LL_JF_NULL ||
			    v->type == LL_JF_OBJECT)
				continue;
			if (v->type != LL_JF_ARRAY)
				ll_common_json(b, f, v->p, v->len,
				    v->type == LL_JF_STRING);
			else if (lines(w, v->p, end) == 0)
				ll_common_str(b, f, w->rec.p, w->rec.len);
			else
				continue;
			done[f] = 1;
		}
		if (!done[f])
			ll_common_null(b, f);
	}
}

/* A table for a record of no table: CloudTrail or CloudWatch Logs. */
static const char *
guess_table(const struct ll_scan *s)
{
	if (s->jf.val[s->ctcand[0]].type != LL_JF_ABSENT ||
	    s->jf.val[s->ctcand[1]].type != LL_JF_ABSENT)
		return "cloudtrail";
	if (s->jf.val[s->cwcand[0]].type != LL_JF_ABSENT ||
	    s->jf.val[s->cwcand[1]].type != LL_JF_ABSENT)
		return "cloudwatch";
	return NULL;
}

/* The line's record, its partition values put back, as --columns keeps it. */
static void
nd_project(struct worker *w, struct ll_hiverow *hr, const char *line,
    size_t n)
{
	w->rec.len = 0;
	if (hr->n > 0 && ll_hiverow_apply(hr, line, n, &w->rec) == 0) {
		line = w->rec.p;
		n = w->rec.len;
	}
	ll_cols_project(w->s->o.cols, line, n, &w->line);
}

static void
nd_line(struct worker *w, const struct unit *u, struct ll_hiverow *hr,
    const struct ll_reader *rd, const char *line, size_t n)
{
	const struct sfile *sf = u->sf;
	struct ll_scan *s = w->s;
	struct ll_skey k;
	int64_t ms;
	int r;

	if (s->o.ac != NULL && !match_line(w, line, n))
		return;
	if ((r = ll_jfind(&s->jf, line, n)) != LL_JF_OBJECT) {
		ll_warnx_at(rd->name, rd->line, r == -1 ? "invalid JSON" :
		    "not a JSON object");
		ll_reject(r == -1 ? LL_R_INVALID_JSON : LL_R_NOT_OBJECT, line, n);
		return;
	}
	if (line_time(w, &s->jf, &ms) == -1) {
		ll_warnx_at(rd->name, rd->line, "no usable time");
		ll_reject(LL_R_NO_TIME, line, n);
		return;
	}
	if (ms < s->o.since || ms > s->o.until)
		return;
	w->line.len = 0;
	ll_common_begin(&w->line, ms, sf->tf->table != NULL ?
	    sf->tf->table : guess_table(s));
	line_fields(w, &s->jf, line + n, &w->line);
	put_matches(w, &w->line);
	ll_jbuf_adds(&w->line, ",\"record\":");
	if (s->o.cols != NULL)
		nd_project(w, hr, line, n);
	else if (hr->n == 0 || ll_hiverow_apply(hr, line, n, &w->line) == -1)
		ll_jbuf_add(&w->line, line, n);
	ll_jbuf_addc(&w->line, '}');
	k.ms = ms;
	k.table = sf->tf->trank;
	k.file = sf->frank;
	k.row = rd->line;
	ll_sorter_add(w->sorter[u->group], &k, w->line.p, w->line.len);
}

/* An NDJSON (or gzip JSON lines, or piped Parquet) file, on this thread. */
static void
nd_unit(struct worker *w, struct unit *u)
{
	struct ll_hiverow hr;
	struct ll_input *in;
	struct ll_reader rd;
	const char *line;
	size_t n;

	if ((in = ll_input_open(u->sf->tf->path)) == NULL) {
		warn("%s", u->sf->tf->path);
		ll_fail(LL_EXIT_IO);
		return;
	}
	/* Parquet through the reader has its partition values already. */
	ll_hiverow_init(&hr, strcmp(ll_input_format(in), "parquet") == 0 ?
	    "" : u->sf->tf->path);
	ll_reader_init(&rd, in, w->s->o.max_record);
	while (ll_reader_next(&rd, &line, &n)) {
		while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' ||
		    line[n - 1] == '\r'))
			n--;
		if (n == 0)
			w->s->blank++;
		else
			nd_line(w, u, &hr, &rd, line, n);
	}
	ll_hiverow_free(&hr);
	ll_reader_free(&rd);
	ll_input_close(in);
}

/* Opens the files of the window's groups and plans their units. */
static void
plan(struct ll_scan *s, size_t g0, size_t ng)
{
	struct ll_tables *t = s->t;
	size_t first = t->group[g0], end = t->group[g0 + ng], i, g;

	s->nsf = end - first;
	s->sf = xcalloc(s->nsf + 1, sizeof(*s->sf));
	s->nu = 0;
	for (g = 0; g < ng; g++)
		for (i = t->group[g0 + g]; i < t->group[g0 + g + 1]; i++) {
			s->sf[i - first].tf = &t->files[i];
			s->sf[i - first].frank = (uint32_t)i;
			s->sf[i - first].fd = -1;
			if (t->files[i].parquet)
				plan_parquet(s, &s->sf[i - first], g);
		}
	s->npq = s->nu;
	for (g = 0; g < ng; g++)
		for (i = t->group[g0 + g]; i < t->group[g0 + g + 1]; i++)
			if (!t->files[i].parquet)
				add_unit(s, &s->sf[i - first], g, SIZE_MAX,
				    0, -1);
}

static void
unplan(struct ll_scan *s)
{
	size_t i;

	for (i = 0; i < s->nw; i++) {
		ll_pqread_cursor_free(s->w[i].cur);
		s->w[i].cur = NULL;
		s->w[i].curfile = NULL;
	}

	for (i = 0; i < s->nsf; i++) {
		ll_pqread_close(s->sf[i].pq);
		if (s->sf[i].fd != -1)
			close(s->sf[i].fd);
		free(s->sf[i].cand);
		free(s->sf[i].want);
	}
	free(s->sf);
	free(s->u);
	s->sf = NULL;
	s->u = NULL;
}

/*
 * Searches the day groups G0 onwards, as many as the window holds
 * (their Parquet row groups are shared among the threads), and sends
 * their timeline records to FN in time order.  Returns the number of
 * groups done.
 */
size_t
ll_scan_groups(struct ll_scan *s, size_t g0,
    void (*fn)(void *, const char *, size_t), void *arg)
{
	struct ll_sorter **ss;
	size_t ng, g, i;

	ng = s->t->ngroups - g0 < s->window ? s->t->ngroups - g0 : s->window;
	plan(s, g0, ng);
	run_parquet(s);
	report(s);
	ss = xcalloc(s->nw, sizeof(*ss));
	for (g = 0; g < ng; g++) {
		for (i = s->npq; i < s->nu; i++)
			if (s->u[i].group == g)
				nd_unit(&s->w[0], &s->u[i]);
		for (i = 0; i < s->nw; i++)
			ss[i] = s->w[i].sorter[g];
		ll_sorter_drain(ss, s->nw, fn, arg);
	}
	free(ss);
	unplan(s);
	return ng;
}

void
ll_scan_free(struct ll_scan *s)
{
	struct worker *w;
	size_t i, j;

	ll_stats_add("rowgroups", s->rowgroups);
	ll_stats_add("rowgroups_pruned", s->pruned);
	ll_stats_add("blank_lines", s->blank);
	for (i = 0; i < s->nw; i++) {
		w = &s->w[i];
		for (j = 0; j < s->window; j++) {
			ll_stats_add("bytes_sorted_on_disk",
			    ll_sorter_spilled(w->sorter[j]));
			ll_sorter_free(w->sorter[j]);
		}
		free(w->sorter);
		if (s->o.ac != NULL) {
			ll_achits_free(&w->hits);
			ll_achits_free(&w->tmp);
		}
		ll_jbuf_free(&w->line);
		ll_jbuf_free(&w->rec);
		ll_jtexts_free(&w->tx);
		free(w->dec);
		for (j = 0; j < w->ndc; j++) {
			free(w->dc[j].slot);
			free(w->dc[j].pool);
		}
		free(w->dc);
	}
	free(s->w);
	for (i = 0; i < ll_common_ncands; i++)
		ll_path_free(&s->paths[i]);
	free(s->paths);
	ll_jfind_free(&s->jf);
	pthread_mutex_destroy(&s->mu);
	free(s);
}
