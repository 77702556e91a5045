/* A group's --group array and --agg columns. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "agg.h"
#include "buf.h"
#include "groupcols.h"
#include "join.h"
#include "json/path.h"
#include "xalloc.h"

/* Adds an --agg column from SPEC; -1 with *whyp set if it is bad. */
int
ll_groupcols_agg(struct ll_groupcols *gc, const char *spec,
    const char **whyp)
{
	struct ll_agg *a;
	size_t i;

	gc->agg = xreallocarray(gc->agg, gc->nagg + 1, sizeof(*gc->agg));
	gc->slot = xreallocarray(gc->slot, gc->nagg + 1, sizeof(*gc->slot));
	a = &gc->agg[gc->nagg];
	if (ll_agg_parse(a, spec, whyp) == -1)
		return -1;
	gc->slot[gc->nagg] = 0;
	if (a->path.n > 0) {
		for (i = 0; i < gc->nagg; i++)
			if (gc->agg[i].path.n > 0 &&
			    strcmp(gc->agg[i].path.text, a->path.text) == 0)
				break;
		gc->slot[gc->nagg] = i < gc->nagg ? gc->slot[i] : gc->nslot++;
	}
	gc->nagg++;
	return 0;
}

/* Settles the columns once all are given; SEP joins text pieces. */
void
ll_groupcols_ready(struct ll_groupcols *gc, const char *sep)
{
	size_t i;

	gc->project = gc->group == NULL && gc->nagg > 0;
	for (i = 0; i < gc->nagg; i++)
		gc->agg[i].sep = sep;
}

/* Leaves in B the projection of right record REC. */
void
ll_groupcols_project(const struct ll_groupcols *gc, json_t *rec,
    struct ll_buf *b)
{
	json_t *v;
	size_t i, k;

	b->n = 0;
	ll_buf_addc(b, '[');
	for (i = k = 0; i < gc->nagg; i++) {
		if (gc->agg[i].path.n == 0 || gc->slot[i] != k)
			continue;
		v = ll_path_get(&gc->agg[i].path, rec);
		if (k++ > 0)
			ll_buf_addc(b, ',');
		if (v != NULL)
			ll_buf_json(b, v);
		else
			ll_buf_add(b, "null", 4);
	}
	ll_buf_addc(b, ']');
}

/* The columns of group G (NULL: no right records), a new object. */
json_t *
ll_groupcols_make(struct ll_groupcols *gc, const struct ll_join_group *g)
{
	json_t *cols, *arr = NULL, *rec;
	struct ll_agg *a;
	size_t i, k, n = g != NULL ? g->n : 0;

	for (k = 0; k < gc->nagg; k++)
		ll_agg_start(&gc->agg[k]);
	if (gc->group != NULL)
		arr = json_array();
	for (i = 0; i < n; i++) {
		rec = ll_join_parse(ll_join_body(g->item[i]), g->item[i]->blen);
		for (k = 0; k < gc->nagg; k++) {
			a = &gc->agg[k];
			ll_agg_add(a, a->path.n == 0 ? NULL : gc->project ?
			    json_array_get(rec, gc->slot[k]) :
			    ll_path_get(&a->path, rec));
		}
		if (arr != NULL)
			json_array_append(arr, rec);
		json_decref(rec);
	}
	cols = json_object();
	if (arr != NULL)
		json_object_set_new(cols, gc->group, arr);
	for (k = 0; k < gc->nagg; k++)
		json_object_set_new(cols, gc->agg[k].name,
		    ll_agg_end(&gc->agg[k]));
	return cols;
}

void
ll_groupcols_free(struct ll_groupcols *gc)
{
	size_t i;

	for (i = 0; i < gc->nagg; i++)
		ll_agg_free(&gc->agg[i]);
	free(gc->agg);
	free(gc->slot);
	memset(gc, 0, sizeof(*gc));
}
