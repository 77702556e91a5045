/*
 * The list of sources, and what the tools ask of it: a source by name,
 * the fields the controls read in any record, and each source as one
 * JSON object for ll-partition --sources.  A new source is a file in
 * lib/lake/source/ and one line in the list below.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lake/controls.h"
#include "lake/schema.h"
#include "lake/source.h"
#include "xalloc.h"

/* The definitions, each in lib/lake/source/NAME.c. */
extern const struct ll_source ll_source_cloudtrail;
extern const struct ll_source ll_source_cloudwatch;
extern const struct ll_source ll_source_bedrock;

static const struct ll_source *const sources[] = {
	&ll_source_cloudtrail,
	&ll_source_cloudwatch,
	&ll_source_bedrock
};

#define NSOURCES	(sizeof(sources) / sizeof(sources[0]))
#define MAXPATHS	64

/*
 * What an object's key states (ll-fetch's listing records), read
 * before any record a source defines.
 */
static const struct ll_cpath keyed[] = {
	{ "account", &ll_controls_account, LL_CV_TEXT },
	{ "region", &ll_controls_region, LL_CV_TEXT },
	{ "organization", &ll_controls_organization, LL_CV_TEXT },
	{ "day", &ll_controls_day, LL_CV_DAY },
	{ NULL, NULL, LL_CV_TEXT }
};

size_t
ll_source_count(void)
{
	return NSOURCES;
}

/* The source at I, its columns' names made (ll_schema_names) once. */
const struct ll_source *
ll_source_at(size_t i)
{
	static int named;
	size_t j;

	if (!named) {
		for (j = 0; j < NSOURCES; j++)
			ll_schema_names(sources[j]->table);
		named = 1;
	}
	return i < NSOURCES ? sources[i] : NULL;
}

const struct ll_source *
ll_source_find(const char *name)
{
	size_t i;

	for (i = 0; i < NSOURCES; i++)
		if (strcmp(sources[i]->name, name) == 0)
			return ll_source_at(i);
	return NULL;
}

/* The source that plays ROLE in the session review, or NULL. */
const struct ll_source *
ll_source_review(enum ll_review role)
{
	size_t i;

	for (i = 0; i < NSOURCES; i++)
		if (sources[i]->review == role)
			return ll_source_at(i);
	return NULL;
}

/* "cloudtrail, cloudwatch or bedrock", for messages; to free. */
char *
ll_source_names(void)
{
	struct ll_jbuf b = { 0 };
	size_t i;

	for (i = 0; i < NSOURCES; i++) {
		if (i > 0)
			ll_jbuf_adds(&b, i + 1 == NSOURCES ? " or " : ", ");
		ll_jbuf_adds(&b, sources[i]->name);
	}
	ll_jbuf_addc(&b, '\0');
	return b.p;
}

/*
 * Every record path the controls read: the key's fields, then each
 * source's in the order of the list, a path named twice read once.
 * Where several paths feed one field, the first present wins.  Kept in
 * static arrays: the controls' fuzzer frees what a load allocates.
 */
static void
gather(const struct ll_cpath **pp, size_t *np,
    const struct ll_cfield *const **fp, size_t *nf)
{
	static struct ll_cpath paths[MAXPATHS];
	static const struct ll_cfield *fields[LL_CF_MAX];
	static size_t npaths, nfields;
	static int done;
	const struct ll_cpath *c;
	size_t i, j, s;

	for (s = 0; !done && s <= NSOURCES; s++) {
		for (c = s == 0 ? keyed : sources[s - 1]->controls;
		    c != NULL && c->path != NULL; c++) {
			for (i = 0; i < npaths; i++)
				if (strcmp(paths[i].path, c->path) == 0)
					break;
			for (j = 0; j < nfields; j++)
				if (fields[j] == c->field)
					break;
			if (i < npaths && paths[i].field != c->field)
				abort();	/* two meanings of a path */
			if (i < npaths)
				continue;
			if (npaths == MAXPATHS || (j == nfields &&
			    nfields == LL_CF_MAX))
				abort();	/* raise the limits */
			paths[npaths++] = *c;
			if (j == nfields)
				fields[nfields++] = c->field;
		}
	}
	done = 1;
	*pp = paths;
	*np = npaths;
	*fp = fields;
	*nf = nfields;
}

const struct ll_cpath *
ll_source_cpaths(size_t *n)
{
	const struct ll_cpath *p;
	const struct ll_cfield *const *f;
	size_t nf;

	gather(&p, n, &f, &nf);
	return p;
}

const struct ll_cfield *const *
ll_source_cfields(size_t *n)
{
	const struct ll_cpath *p;
	const struct ll_cfield *const *f;
	size_t np;

	gather(&p, &np, &f, n);
	return f;
}

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
columns(const struct ll_table *t)
{
	static const char *const kinds[] = { "field", "json", "day",
	    "derived", "joined" };
	const struct ll_column *c;
	json_t *a;
	size_t i;

	a = json_array();
	for (i = 0; i < t->ncols; i++) {
		c = &t->cols[i];
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:o}",
		    "name", c->name, "type", ll_schema_typename(c->type),
		    "kind", kinds[c->kind], "path", str_or_null(c->path)));
	}
	return a;
}

/* The source as one line of JSON: what ll-partition --sources prints. */
void
ll_source_json(struct ll_jbuf *b, const struct ll_source *s)
{
	static const char *const roles[] = { NULL, "sessions",
	    "transcripts" };
	static const char *const formats[] = { "rfc3339", "epoch_ms" };
	const struct ll_cpath *c;
	const struct ll_keypat *k;
	json_t *o, *ctl, *where, *kinds;
	char *text;
	size_t i;

	kinds = json_array();
	for (k = s->keys; k != NULL && k->kind != NULL; k++)
		json_array_append_new(kinds, json_pack("{s:s, s:b, s:s}",
		    "kind", k->kind, "records", k->records, "pattern",
		    k->pattern));
	ctl = json_array();
	for (c = s->controls; c != NULL && c->path != NULL; c++)
		json_array_append_new(ctl, json_pack("{s:s, s:s}", "field",
		    c->field->name, "path", c->path));
	where = json_array();
	for (i = 0; s->review_where[i] != NULL; i++)
		json_array_append_new(where, json_string(s->review_where[i]));
	o = json_pack("{s:s, s:s, s:s, s:o, s:{s:o, s:o}, s:{s:s, s:s}, "
	    "s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
	    "name", s->name, "about", s->about, "table", s->table->name,
	    "kinds", kinds,
	    "split", "explode", str_or_null(s->explode), "keep",
	    str_or_null(s->keep),
	    "time", "path", s->time, "format", formats[s->timefmt],
	    "parse", str_or_null(s->parse),
	    "key", s->table->key, "partition", s->table->partition,
	    "sort", str_or_null(s->table->sort),
	    "review", str_or_null(roles[s->review]), "review_where", where,
	    "controls", ctl, "columns", columns(s->table));
	text = json_dumps(o, JSON_COMPACT);
	ll_jbuf_adds(b, text);
	ll_jbuf_addc(b, '\n');
	free(text);
	json_decref(o);
}
