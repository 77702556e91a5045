/*
 * ll-filter --explode: JSON documents split in this process, through
 * the same splitter as ll-splitjson (lib/json/split.c), so that the
 * records and messages are those of "ll-splitjson -e PATH | ll-filter"
 * without the pipe, and the controls can drop a record before it is
 * even built.
 *
 * The splitter has already validated every record and tokenized its
 * keys, so it notes where the top-level fields the controls read are;
 * when it promises that the record is "plain" (nothing in it that
 * jansson, and so the full check, would refuse, and no escaped key),
 * those values decide the controls exactly as the full check would.
 * A record the controls keep, and any record the shortcut cannot
 * judge (an escaped value, a number, a field only a nested path would
 * give), takes the full check.  Most CloudTrail records are removed by
 * an event name or account rule, so most never reach the full check.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "io/out.h"
#include "lake/controls.h"
#include "lake/source.h"
#include "ll.h"
#include "filter.h"
#include "xalloc.h"

/* The controls field that controls path I feeds, by index. */
static int
field_of(size_t i)
{
	const struct ll_cfield *const *cf;
	const struct ll_cpath *cp;
	size_t n, k;

	cp = ll_source_cpaths(&n);
	cf = ll_source_cfields(&n);
	for (k = 0; cf[k] != cp[i].field; k++)
		;
	return (int)k;
}

/*
 * The controls' verdict from the watched fields: -1 to keep the
 * record, a rule index, or -2 when they cannot tell.
 */
static int
controls(const struct filter *f, const struct ll_split_look *lk)
{
	struct ll_crecord rec;
	const struct ll_split_val *v;
	size_t i;
	int w;

	ll_controls_rec_clear(&rec);
	for (i = 0; i < f->nctl; i++) {
		if ((w = f->watched[i]) < 0) {
			/* A nested source counts unless an earlier one did. */
			if (rec.src[field_of(i)] < 0)
				return -2;
			continue;
		}
		v = &lk->watch[w];
		if (v->p == NULL)
			continue;
		if (*v->p == '"') {
			if (memchr(v->p, '\\', v->n) != NULL)
				return -2;
			ll_controls_rec_string(&rec, i, v->p + 1, v->n - 2);
		} else if (*v->p == '-' || (*v->p >= '0' && *v->p <= '9'))
			return -2;
		/* Objects, arrays and literals are not controls values. */
	}
	return ll_controls_check(f->ctl, &rec);
}

/* Before the record is built: 0 drops it, removed by a rule. */
static int
look(void *arg, const struct ll_split_look *lk)
{
	struct filter *f = arg;
	int k;

	f->records++;
	f->judge = 1;
	if (!f->fast || !lk->plain || lk->n + f->extra > f->max_record)
		return 1;
	if ((k = controls(f, lk)) == -2)
		return 1;
	if (k >= 0) {
		f->removed[k]++;
		return 0;
	}
	f->judge = f->tests.n > 0 || f->grep.n > 0 || f->grep.nfiles > 0;
	return 1;
}

static void
record(void *arg, const char *p, size_t n, const struct ll_split_look *lk)
{
	struct filter *f = arg;

	if (n > f->max_record) {
		ll_warnx_at(lk->name, lk->line, "record larger than "
		    "--max-record-bytes (%zu); skipped", f->max_record);
		ll_reject(LL_R_RECORD_TOO_LARGE, p, n);
	} else if (!f->judge && *p == '{')
		ll_out_record(p, n);
	else
		ll_filter_line(f, lk->name, lk->line, p, n);
}

/*
 * The shortcut needs every top-level source of the controls watched
 * and the record to be the element as written: --keep and a --source
 * that names a controls source add fields, --parse wants jansson.
 */
void
ll_filter_explode_init(struct filter *f)
{
	const struct ll_path *p;
	size_t i, j;

	f->split.max_record = f->max_record;
	f->split.look = look;
	f->split.record = record;
	f->split.arg = f;
	f->split.docs = &f->docs;
	f->fast = f->ctl != NULL && !f->full && f->split.nkeep == 0;
	f->watch = xcalloc(f->nctl + 1, sizeof(*f->watch));
	f->watched = xcalloc(f->nctl + 1, sizeof(*f->watched));
	for (i = 0; i < f->nctl; i++) {
		f->watched[i] = -1;
		p = &f->paths.p[f->ctlpath[i]];
		if (f->ctl == NULL || p->n != 1)
			continue;
		if (f->split.source != NULL &&
		    strcmp(f->split.source, p->seg[0]) == 0)
			f->fast = 0;
		for (j = 0; j < f->split.nwatch; j++)
			if (strcmp(f->watch[j], p->seg[0]) == 0)
				break;
		if (j == f->split.nwatch)
			f->watch[f->split.nwatch++] = p->seg[0];
		f->watched[i] = (int)j;
	}
	if (!f->fast)
		f->split.nwatch = 0;
	f->split.watch = f->watch;
}

void
ll_filter_explode(struct filter *f, const char *path)
{
	struct ll_input *in;

	if ((in = ll_input_open(path)) == NULL) {
		ll_msg("%s: %s", path, strerror(errno));
		ll_fail(LL_EXIT_IO);
		return;
	}
	/* As ll-splitjson does: a Parquet file of the lake is not JSON. */
	if (strcmp(ll_input_format(in), "parquet") == 0) {
		ll_warnx_at(path, 1, "a Parquet file holds rows, not JSON "
		    "text: ll-filter reads them without --explode");
		ll_count(LL_R_PARQUET_INPUT);
		ll_fail(LL_EXIT_REJECT);
		ll_input_close(in);
		return;
	}
	/* A name's every byte may take six in JSON, as \u001f does. */
	f->extra = f->split.source != NULL ? strlen(f->split.source) +
	    6 * strlen(path) + 8 : 0;
	ll_split(&f->split, in, path);
	ll_input_close(in);
}

void
ll_filter_explode_free(struct filter *f)
{
	ll_split_opts_free(&f->split);
	free(f->watch);
	free(f->watched);
}
