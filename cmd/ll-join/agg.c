/* Aggregates over a group of records: count, lines, text, first, last. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "agg.h"
#include "buf.h"
#include "ll.h"
#include "json/path.h"
#include "xalloc.h"

static const char *funcs[] = { "count", "lines", "text", "first", "last" };

/* Parses NAME=FUNC[:PATH]; returns 0, or -1 with *whyp set. */
int
ll_agg_parse(struct ll_agg *a, const char *spec, const char **whyp)
{
	const char *eq, *f, *colon;
	size_t i, n;

	memset(a, 0, sizeof(*a));
	a->sep = "\n";
	if ((eq = strchr(spec, '=')) == NULL || eq == spec) {
		*whyp = "expected name=func[:path]";
		return -1;
	}
	f = eq + 1;
	colon = strchr(f, ':');
	n = colon != NULL ? (size_t)(colon - f) : strlen(f);
	for (i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++)
		if (strlen(funcs[i]) == n && strncmp(f, funcs[i], n) == 0)
			break;
	if (i == sizeof(funcs) / sizeof(funcs[0])) {
		*whyp = "function is count, lines, text, first or last";
		return -1;
	}
	a->func = (enum ll_agg_func)i;
	if ((a->func == LL_AGG_COUNT) != (colon == NULL)) {
		*whyp = a->func == LL_AGG_COUNT ? "count takes no path" :
		    "a path is needed";
		return -1;
	}
	if (colon != NULL && ll_path_parse(&a->path, colon + 1, whyp) == -1)
		return -1;
	a->name = xstrndup(spec, (size_t)(eq - spec));
	return 0;
}

void
ll_agg_start(struct ll_agg *a)
{
	a->n = 0;
	a->have = 0;
	a->text.n = 0;
	json_decref(a->val);
	a->val = NULL;
}

/*
 * Strings are text, arrays give each element, others their JSON.
 * The lines function counts the lines of the text it would give
 * with newlines between the pieces.
 */
static void
add_text(struct ll_agg *a, json_t *v)
{
	const char *sep = a->func == LL_AGG_LINES ? "\n" : a->sep;
	size_t i;

	if (json_is_null(v))
		return;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			add_text(a, json_array_get(v, i));
		return;
	}
	if (a->have)
		ll_buf_add(&a->text, sep, strlen(sep));
	a->have = 1;
	if (json_is_string(v))
		ll_buf_add(&a->text, json_string_value(v),
		    json_string_length(v));
	else
		ll_buf_json(&a->text, v);
}

/* Adds one record, given as its value at the path (NULL: missing). */
void
ll_agg_add(struct ll_agg *a, json_t *v)
{
	a->n++;
	if (v == NULL || json_is_null(v))
		return;
	switch (a->func) {
	case LL_AGG_LINES:
	case LL_AGG_TEXT:
		add_text(a, v);
		break;
	case LL_AGG_FIRST:
		if (a->val == NULL)
			a->val = json_incref(v);
		break;
	case LL_AGG_LAST:
		json_decref(a->val);
		a->val = json_incref(v);
		break;
	case LL_AGG_COUNT:
		break;
	}
}

static json_int_t
count_lines(const struct ll_buf *b)
{
	json_int_t n = 0;
	size_t i;

	for (i = 0; i < b->n; i++)
		n += b->p[i] == '\n';
	return n + (b->n > 0 && b->p[b->n - 1] != '\n');
}

/* The group's value, a new reference; null when there is none. */
json_t *
ll_agg_end(struct ll_agg *a)
{
	json_t *v;

	switch (a->func) {
	case LL_AGG_COUNT:
		return json_integer((json_int_t)a->n);
	case LL_AGG_LINES:
		return json_integer(count_lines(&a->text));
	case LL_AGG_TEXT:
		return a->have ? json_stringn_nocheck(a->text.p, a->text.n) :
		    json_null();
	default:
		v = a->val != NULL ? a->val : json_null();
		a->val = NULL;
		return v;
	}
}

void
ll_agg_free(struct ll_agg *a)
{
	free(a->name);
	ll_path_free(&a->path);
	ll_buf_free(&a->text);
	json_decref(a->val);
	memset(a, 0, sizeof(*a));
}
