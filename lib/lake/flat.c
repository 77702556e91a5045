/*
 * Flattening a record from ll-splitjson into a readready row, as its
 * source's definition says (lib/lake/source.h): one scan of the record
 * keeps the values the table's columns come from (a tree of their
 * source paths drives it), reads the event time, leaves out what the
 * source skips, and computes calendarday and the derived columns.
 * ll-flatten writes the row as JSON; ll-partition --flatten takes the
 * values directly, without the round trip through JSON text.
 */
#define _GNU_SOURCE	/* memmem */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lake/flat.h"
#include "isotime.h"
#include "json/jscan.h"
#include "ll.h"
#include "lake/schema.h"
#include "lake/source.h"
#include "xalloc.h"

/* One key of a source path; the tree of all of them drives the scan. */
struct node {
	char		*key;
	size_t		 keylen;
	char		*path;
	struct node	*child;
	size_t		 nchild, last;
	int		 slot;		/* value kept for the row, or -1 */
};

struct ll_flat {
	const struct ll_source *src;
	const struct ll_table *t;
	struct node	 root;
	int		*colslot;	/* each column's value, or -1 */
	int		**inslot;	/* a derived column's inputs' */
	struct ll_jval	*dval;		/* a derived column's value */
	struct ll_jbuf	*dbuf;		/* ... and its text */
	struct ll_jval	*slot;
	int		 nslot;
	int		 s_time, s_skip, s_parse;
	struct ll_jscan	 scan;
	int64_t		 ms;		/* the event time */
	char		 day[11];
	char		 dayq[13];	/* the same as a JSON string */
	char		(*ts)[LL_ISOTIME_TEXT + 2];	/* a time column's */
	struct ll_jbuf	 tbuf;		/* a time string, decoded */
	struct node	*parsenode;	/* the source's JSON in a string */
	struct ll_jscan	 sub;
	struct ll_jbuf	 msgbuf;	/* such a string, decoded */
};

/* Adds PATH to the tree and returns the slot holding its value. */
static int
add_path(struct ll_flat *f, const char *path)
{
	struct node *n, *c;
	const char *seg, *dot;
	size_t i, len;

	n = &f->root;
	for (seg = path; seg != NULL; seg = dot != NULL ? dot + 1 : NULL) {
		dot = strchr(seg, '.');
		len = dot != NULL ? (size_t)(dot - seg) : strlen(seg);
		for (i = 0; i < n->nchild; i++)
			if (n->child[i].keylen == len &&
			    memcmp(n->child[i].key, seg, len) == 0)
				break;
		if (i == n->nchild) {
			n->child = xreallocarray(n->child, n->nchild + 1,
			    sizeof(*n->child));
			c = &n->child[n->nchild++];
			memset(c, 0, sizeof(*c));
			c->key = xstrndup(seg, len);
			c->keylen = len;
			c->path = xstrndup(path, (size_t)(seg - path) + len);
			c->slot = -1;
		}
		n = &n->child[i];
	}
	if (n->slot == -1)
		n->slot = f->nslot++;
	return n->slot;
}

static void
free_node(struct node *n)
{
	size_t i;

	for (i = 0; i < n->nchild; i++)
		free_node(&n->child[i]);
	free(n->child);
	free(n->key);
	free(n->path);
}

/* The node of PATH, which add_path made. */
static struct node *
find_node(struct node *n, const char *path)
{
	size_t i;

	for (i = 0; i < n->nchild; i++) {
		if (strcmp(n->child[i].path, path) == 0)
			return &n->child[i];
		if (strncmp(n->child[i].path, path, strlen(n->child[i].path))
		    == 0 && path[strlen(n->child[i].path)] == '.')
			return find_node(&n->child[i], path);
	}
	return NULL;
}

struct ll_flat *
ll_flat_new(const struct ll_source *src)
{
	const struct ll_column *c;
	const struct ll_table *t = src->table;
	struct ll_flat *f;
	size_t i, k;

	f = xcalloc(1, sizeof(*f));
	f->src = src;
	f->t = t;
	f->root.slot = -1;
	f->colslot = xreallocarray(NULL, t->ncols, sizeof(int));
	f->inslot = xcalloc(t->ncols, sizeof(*f->inslot));
	f->dval = xcalloc(t->ncols, sizeof(*f->dval));
	f->dbuf = xcalloc(t->ncols, sizeof(*f->dbuf));
	f->ts = xcalloc(t->ncols, sizeof(*f->ts));
	for (i = 0; i < t->ncols; i++) {
		c = &t->cols[i];
		f->colslot[i] = -1;
		if (c->kind == LL_CK_DERIVED) {
			f->inslot[i] = xcalloc(4, sizeof(int));
			for (k = 0; k < 4 && c->derive->in[k] != NULL; k++)
				f->inslot[i][k] = add_path(f, c->derive->in[k]);
			for (; k < 4; k++)
				f->inslot[i][k] = -1;
		} else if (c->kind != LL_CK_DAY && c->path != NULL)
			f->colslot[i] = add_path(f, c->path);
	}
	f->s_time = add_path(f, src->time);
	f->s_skip = src->skip.path != NULL ? add_path(f, src->skip.path) : -1;
	f->s_parse = src->parse != NULL ? add_path(f, src->parse) : -1;
	f->slot = xcalloc((size_t)f->nslot + 1, sizeof(*f->slot));
	if (src->parse != NULL)
		f->parsenode = find_node(&f->root, src->parse);
	return f;
}

/* Counts a field the row does not carry: unknown, or of another shape. */
static void
dropped(const char *path, const struct ll_jval *key)
{
	json_t *o, *v;
	char *name;

	if ((o = json_object_get(ll_stats.extra, "dropped_fields")) == NULL) {
		o = json_object();
		json_object_set_new(ll_stats.extra, "dropped_fields", o);
	}
	if (key == NULL)
		name = xstrdup(path);
	else
		name = xasprintf("%s%s%.*s", path, *path != '\0' ? "." : "",
		    (int)key->n - 2, key->p + 1);
	v = json_object_get(o, name);
	json_object_set_new(o, name, json_integer(v != NULL ?
	    json_integer_value(v) + 1 : 1));
	free(name);
}

static struct node *
child(struct node *n, const struct ll_jval *key)
{
	struct node *c;
	size_t i;

	for (i = 0; i < n->nchild; i++) {
		c = &n->child[(n->last + i) % n->nchild];
		if (key->esc ? ll_jstr_eq(key, c->key) : key->n == c->keylen +
		    2 && memcmp(key->p + 1, c->key, c->keylen) == 0) {
			/* Records keep their field order: try the next. */
			n->last = (n->last + i + 1) % n->nchild;
			return c;
		}
	}
	return NULL;
}

/* Scans the value at the cursor, keeping what the tree asks for. */
static int
visit(struct ll_flat *f, struct ll_jscan *s, struct node *n)
{
	struct ll_jiter it;
	struct ll_jval key, v;
	struct node *c;
	const char *start;
	int r;

	if (n->nchild == 0 || ll_jscan_peek(s) != LL_JOBJ) {
		if (ll_jscan_value(s, &v) == -1)
			return -1;
		if (n->slot >= 0)
			f->slot[n->slot] = v;
		else if (v.type != LL_JNULL)
			dropped(n->path, NULL);
		return 0;
	}
	start = s->p;
	if (ll_jscan_open(s, &it) == -1)
		return -1;
	while ((r = ll_jscan_next(s, &it, &key)) == 1) {
		c = child(n, &key);
		if (c != NULL) {
			if (visit(f, s, c) == -1)
				return -1;
			continue;
		}
		if (ll_jscan_value(s, &v) == -1)
			return -1;
		/* Kept whole, an object loses nothing to unknown keys. */
		if (n->slot < 0)
			dropped(n->path != NULL ? n->path : "", &key);
	}
	if (r == -1)
		return -1;
	if (n->slot >= 0) {
		f->slot[n->slot].p = start;
		f->slot[n->slot].n = (size_t)(s->p - start);
		f->slot[n->slot].type = LL_JOBJ;
		f->slot[n->slot].esc = 0;
	}
	return 0;
}

/*
 * The event time at V, in the source's format, as milliseconds since
 * the epoch; -1 if it is not one.
 */
static int
event_time(const struct ll_flat *f, const struct ll_jval *v, int64_t *ms)
{
	switch (f->src->timefmt) {
	case LL_TF_RFC3339:
		return v->type == LL_JSTR && !v->esc ?
		    ll_isotime_rfc3339(v->p + 1, v->n - 2, ms) : -1;
	case LL_TF_EPOCH_MS:
		return v->type == LL_JNUM ?
		    ll_isotime_epoch_ms(v->p, v->n, ms) : -1;
	}
	return -1;
}

/*
 * Whether V, not null, suits column C: a value of the wrong type would
 * break the column for readers.
 */
static int
typed(const struct ll_column *c, const struct ll_jval *v)
{
	size_t i;

	if (c->type == LL_CT_STRING)
		return 0;
	if (c->type == LL_CT_BOOLEAN)
		return v->type == LL_JTRUE || v->type == LL_JFALSE ||
		    ll_jstr_eq(v, "true") || ll_jstr_eq(v, "false") ? 0 : -1;
	if (v->type != LL_JNUM || v->n > 18)
		return -1;
	for (i = v->p[0] == '-'; i < v->n; i++)
		if (v->p[i] < '0' || v->p[i] > '9')
			return -1;
	return 0;
}

static void
put_field(struct ll_jbuf *o, const struct ll_column *c,
    const struct ll_jval *v)
{
	if (v->type == LL_JNONE || v->type == LL_JNULL)
		ll_jbuf_add(o, "null", 4);
	else if (typed(c, v) == -1) {
		ll_jbuf_add(o, "null", 4);
		ll_stats_add("values_nulled", 1);
	} else if (c->type == LL_CT_STRING)
		ll_jbuf_addval_str(o, v);
	else if (c->type == LL_CT_BOOLEAN && (v->type == LL_JTRUE ||
	    ll_jstr_eq(v, "true")))
		ll_jbuf_add(o, "true", 4);
	else if (c->type == LL_CT_BOOLEAN)
		ll_jbuf_add(o, "false", 5);
	else
		ll_jbuf_add(o, v->p, v->n);
}

/* S as a JSON string at Q: S has nothing to escape. */
static void
quote(char *q, const char *s)
{
	size_t n = strlen(s);

	q[0] = '"';
	memcpy(q + 1, s, n);
	q[n + 1] = '"';
	q[n + 2] = '\0';
}

static void
clear_slots(struct ll_flat *f, const struct node *n)
{
	size_t i;

	if (n->slot >= 0)
		memset(&f->slot[n->slot], 0, sizeof(f->slot[n->slot]));
	for (i = 0; i < n->nchild; i++)
		clear_slots(f, &n->child[i]);
}

/*
 * A source may carry JSON inside a string (Session Manager transcripts
 * in a CloudWatch Logs message).  Unless ll-splitjson --parse made it
 * an object, its fields are read from the decoded string here (no
 * tree, no copy but the decoding); the string itself stays the text it
 * was.  A string that is not a JSON object is just text.
 */
static void
parse_string(struct ll_flat *f)
{
	struct ll_jval *m = &f->slot[f->s_parse], saved;

	if (m->type != LL_JSTR || f->parsenode == NULL)
		return;
	f->msgbuf.len = 0;
	ll_jbuf_addunesc(&f->msgbuf, m);
	ll_jscan_init(&f->sub, f->msgbuf.p, f->msgbuf.len);
	if (ll_jscan_peek(&f->sub) != LL_JOBJ)
		return;
	saved = *m;
	if (visit(f, &f->sub, f->parsenode) == -1 ||
	    ll_jscan_end(&f->sub) == -1)
		clear_slots(f, f->parsenode);
	*m = saved;
}

/* The derived columns' values, each from its inputs. */
static void
derive(struct ll_flat *f)
{
	const struct ll_column *c;
	struct ll_jval in[4];
	size_t i, k;

	for (i = 0; i < f->t->ncols; i++) {
		c = &f->t->cols[i];
		if (c->kind != LL_CK_DERIVED)
			continue;
		for (k = 0; k < 4; k++)
			if (f->inslot[i][k] >= 0)
				in[k] = f->slot[f->inslot[i][k]];
			else
				memset(&in[k], 0, sizeof(in[k]));
		c->derive->fn(in, &f->dval[i], &f->dbuf[i]);
	}
}

/* Whether a record's text holds "NAME" (a guess, good for a hint). */
static int
mentions(const char *line, size_t len, const char *name)
{
	char key[128];
	int n;

	n = snprintf(key, sizeof(key), "\"%s\"", name);
	return n > 0 && (size_t)n < sizeof(key) &&
	    memmem(line, len, key, (size_t)n) != NULL;
}

/*
 * A record without its source's event time: say the obvious causes
 * once, after the run's messages.  A whole document not split yet, or
 * records of another source given to this one.
 */
static void
hint_no_time(const struct ll_flat *f, const char *line, size_t len)
{
	const struct ll_source *o;
	char text[256];
	size_t i;

	if (f->src->explode != NULL && mentions(line, len, f->src->explode)) {
		snprintf(text, sizeof(text), "records holding \"%s\" are "
		    "whole %s documents: split them first "
		    "(ll-splitjson -T %s)", f->src->explode, f->src->name,
		    f->src->name);
		ll_hint(text);
		return;
	}
	for (i = 0; (o = ll_source_at(i)) != NULL; i++)
		if (o != f->src && ((o->explode != NULL &&
		    mentions(line, len, o->explode)) ||
		    mentions(line, len, o->time))) {
			snprintf(text, sizeof(text), "these look like %s "
			    "records (%s): -T %s", o->name, o->about, o->name);
			ll_hint(text);
			return;
		}
}

/*
 * Scans one record.  0: the row is ready; -1: rejected (reported and
 * counted); 1: left out on purpose (counted: a CloudWatch control
 * message, say).
 */
int
ll_flat_record(struct ll_flat *f, const char *name, uintmax_t lineno,
    const char *line, size_t len)
{
	const struct ll_jval *v;
	int64_t ms;

	memset(f->slot, 0, (size_t)f->nslot * sizeof(*f->slot));
	ll_jscan_init(&f->scan, line, len);
	if (ll_jscan_peek(&f->scan) != LL_JOBJ) {
		ll_warnx_at(name, lineno, "not a JSON object");
		ll_reject(LL_R_NOT_OBJECT, line, len);
		return -1;
	}
	if (visit(f, &f->scan, &f->root) == -1 ||
	    ll_jscan_end(&f->scan) == -1) {
		ll_warnx_at(name, lineno, "byte %zu: invalid JSON: %s",
		    ll_jscan_offset(&f->scan), f->scan.err);
		ll_reject(LL_R_INVALID_JSON, line, len);
		return -1;
	}
	if (f->s_skip >= 0 &&
	    ll_jstr_eq(&f->slot[f->s_skip], f->src->skip.value)) {
		ll_count(f->src->skip.why);
		return 1;
	}
	v = &f->slot[f->s_time];
	if (event_time(f, v, &ms) == -1 || ll_isotime_day(ms, f->day) == -1) {
		ll_warnx_at(name, lineno, "%s %s", v->type == LL_JNONE ?
		    "no" : "invalid", f->src->time);
		if (v->type == LL_JNONE)
			hint_no_time(f, line, len);
		ll_reject(LL_R_INVALID_EVENT_TIME, line, len);
		return -1;
	}
	f->ms = ms;
	if (f->s_parse >= 0)
		parse_string(f);
	derive(f);
	quote(f->dayq, f->day);
	return 0;
}

static void
span(struct ll_jval *v, const char *p, size_t n, int type, int esc)
{
	v->p = p;
	v->n = n;
	v->type = type;
	v->esc = esc;
}

/* Column I's value as read from the record or derived. */
static const struct ll_jval *
raw(const struct ll_flat *f, size_t i)
{
	static const struct ll_jval none;

	if (f->t->cols[i].kind == LL_CK_DERIVED)
		return &f->dval[i];
	if (f->colslot[i] < 0)
		return &none;
	return &f->slot[f->colslot[i]];
}

/*
 * The instant V stands for in timestamp column I, into *MS: the event
 * time, read already; RFC 3339 text; epoch milliseconds.  -1 if it is
 * none, or outside the years 0 to 9999 that the text form can hold.
 */
static int
instant(struct ll_flat *f, size_t i, const struct ll_jval *v, int64_t *ms)
{
	char text[LL_ISOTIME_TEXT];
	int r;

	if (f->colslot[i] >= 0 && f->colslot[i] == f->s_time) {
		*ms = f->ms;	/* its day was made: it has a text form */
		return 0;
	}
	if (v->type == LL_JNUM)
		r = ll_isotime_epoch_ms(v->p, v->n, ms);
	else if (v->type == LL_JSTR && !v->esc)
		r = ll_isotime_rfc3339(v->p + 1, v->n - 2, ms);
	else if (v->type == LL_JSTR) {
		f->tbuf.len = 0;
		ll_jbuf_addunesc(&f->tbuf, v);
		r = ll_isotime_rfc3339(f->tbuf.p, f->tbuf.len, ms);
	} else
		r = -1;
	return r == 0 ? ll_isotime_text(*ms, text) : -1;
}

/*
 * A timestamp column: as ll-flatten writes it, "2026-03-01T10:05:00.000Z"
 * (TEXT set), or as epoch milliseconds; -1 (counted) if it is not one.
 */
static int
put_time(struct ll_flat *f, size_t i, const struct ll_jval *v, int text,
    struct ll_jval *out)
{
	char *b = f->ts[i];
	int64_t ms;

	if (instant(f, i, v, &ms) == -1) {
		ll_stats_add("values_nulled", 1);
		return -1;
	}
	if (text) {
		b[0] = '"';
		(void)ll_isotime_text(ms, b + 1);
		memcpy(b + LL_ISOTIME_TEXT, "\"", 2);
	} else
		snprintf(b, LL_ISOTIME_TEXT + 2, "%jd", (intmax_t)ms);
	span(out, b, strlen(b), text ? LL_JSTR : LL_JNUM, 0);
	return 0;
}

/*
 * The value of column I of the row, as a span of the record or of the
 * flattener; valid until the next record.  A JSON-text column comes
 * as LL_JOBJ whatever it holds: its text is the value.  Boolean and
 * integer columns come checked, a value of the wrong type as null; a
 * timestamp column as epoch milliseconds, a number.
 */
void
ll_flat_value(struct ll_flat *f, size_t i, struct ll_jval *v)
{
	const struct ll_column *c = &f->t->cols[i];

	if (c->kind == LL_CK_DAY) {
		span(v, f->dayq, strlen(f->dayq), LL_JSTR, 0);
		return;
	}
	*v = *raw(f, i);
	if (v->type == LL_JNONE || v->type == LL_JNULL)
		return;
	if (c->type == LL_CT_TIMESTAMP) {
		if (put_time(f, i, v, 0, v) == -1)
			span(v, "null", 4, LL_JNULL, 0);
	} else if (c->kind == LL_CK_JSON)
		v->type = LL_JOBJ;
	else if (typed(c, v) == -1) {
		ll_stats_add("values_nulled", 1);
		span(v, "null", 4, LL_JNULL, 0);
	}
}

/* Appends column I of the row as ll-flatten writes it: JSON text. */
void
ll_flat_put(struct ll_flat *f, size_t i, struct ll_jbuf *o)
{
	const struct ll_column *c = &f->t->cols[i];
	const struct ll_jval *v;
	struct ll_jval t;

	if (c->kind == LL_CK_DAY) {
		ll_jbuf_adds(o, f->dayq);
		return;
	}
	v = raw(f, i);
	if (c->type == LL_CT_TIMESTAMP && v->type != LL_JNONE &&
	    v->type != LL_JNULL && put_time(f, i, v, 1, &t) == 0)
		ll_jbuf_add(o, t.p, t.n);
	else if (c->type == LL_CT_TIMESTAMP)
		ll_jbuf_add(o, "null", 4);
	else if (c->kind != LL_CK_JSON)
		put_field(o, c, v);
	else if (v->type == LL_JNONE || v->type == LL_JNULL)
		ll_jbuf_add(o, "null", 4);
	else
		ll_jbuf_addraw_str(o, v->p, v->n);
}

void
ll_flat_free(struct ll_flat *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->t->ncols; i++) {
		free(f->inslot[i]);
		ll_jbuf_free(&f->dbuf[i]);
	}
	free(f->inslot);
	free(f->dbuf);
	free(f->ts);
	ll_jbuf_free(&f->tbuf);
	free(f->dval);
	free(f->colslot);
	free(f->slot);
	free_node(&f->root);
	ll_jscan_free(&f->scan);
	ll_jscan_free(&f->sub);
	ll_jbuf_free(&f->msgbuf);
	free(f);
}
