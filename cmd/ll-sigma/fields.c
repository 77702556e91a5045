/*
 * One walk of a record finds the values at every field the rules
 * read.  The walk validates the whole record with the toolkit's
 * scanner and descends only into objects on the way to a wanted
 * field; everything else is skipped at scanning speed.  Texts (escapes
 * decoded, lower case) are made only when a test asks, at most once a
 * value, in an arena emptied for each record.
 */
#include <stdlib.h>
#include <string.h>

#include "json/jfind.h"
#include "xalloc.h"

#include "sigma.h"

/* Arrays inside arrays deeper than this are not searched. */
#define MAXDEPTH	32

static char *
arena_alloc(struct arena *a, size_t n)
{
	char *p;

	if (a->size - a->used < n) {
		if (a->buf != NULL) {
			if (a->nold == a->oldcap) {
				a->oldcap = a->oldcap ? a->oldcap * 2 : 8;
				a->old = xreallocarray(a->old, a->oldcap,
				    sizeof(*a->old));
			}
			a->old[a->nold++] = a->buf;
		}
		a->size = a->size * 2 > n ? a->size * 2 : n + 4096;
		a->buf = xmalloc(a->size);
		a->used = 0;
	}
	p = a->buf + a->used;
	a->used += n;
	return p;
}

static void
arena_reset(struct arena *a)
{
	size_t i;

	for (i = 0; i < a->nold; i++)
		free(a->old[i]);
	a->nold = 0;
	a->used = 0;
}

void
ll_fields_init(struct fields *f)
{
	memset(f, 0, sizeof(*f));
	f->node = xcalloc(1, sizeof(*f->node));
	f->node[0].key = xstrdup("");
	f->nnode = 1;
}

static size_t
kid(struct fields *f, size_t parent, const char *key, size_t n)
{
	struct fnode *p;
	size_t i, k;

	p = &f->node[parent];
	for (i = 0; i < p->nkids; i++) {
		k = p->kids[i];
		if (f->node[k].keylen == n && memcmp(f->node[k].key, key,
		    n) == 0)
			return k;
	}
	f->node = xreallocarray(f->node, f->nnode + 1, sizeof(*f->node));
	memset(&f->node[f->nnode], 0, sizeof(*f->node));
	f->node[f->nnode].key = xstrndup(key, n);
	f->node[f->nnode].keylen = n;
	p = &f->node[parent];
	p->kids = xreallocarray(p->kids, p->nkids + 1, sizeof(*p->kids));
	p->kids[p->nkids++] = f->nnode;
	return f->nnode++;
}

/*
 * The node for a dotted path ("" is the record), marked wanted.  The
 * caller has checked that no segment is empty.
 */
size_t
ll_fields_add(struct fields *f, const char *path)
{
	const char *dot;
	size_t n = 0;

	while (*path != '\0') {
		if ((dot = strchr(path, '.')) == NULL)
			dot = path + strlen(path);
		n = kid(f, n, path, (size_t)(dot - path));
		path = *dot == '.' ? dot + 1 : dot;
	}
	f->node[n].wanted = 1;
	return n;
}

/* The node of a dotted path, or -1 when no rule reads it. */
long
ll_fields_find(const struct fields *f, const char *path)
{
	const char *dot;
	size_t n = 0, i, len;

	while (*path != '\0') {
		if ((dot = strchr(path, '.')) == NULL)
			dot = path + strlen(path);
		len = (size_t)(dot - path);
		for (i = 0; i < f->node[n].nkids; i++)
			if (f->node[f->node[n].kids[i]].keylen == len &&
			    memcmp(f->node[f->node[n].kids[i]].key, path,
			    len) == 0)
				break;
		if (i == f->node[n].nkids)
			return -1;
		n = f->node[n].kids[i];
		path = *dot == '.' ? dot + 1 : dot;
	}
	return f->node[n].wanted ? (long)n : -1;
}

static void
add(struct fields *f, size_t node, const struct ll_jval *v)
{
	struct fnode *nd = &f->node[node];
	struct rvalue *rv;

	if (f->nval == f->valcap) {
		f->valcap = f->valcap ? f->valcap * 2 : 64;
		f->val = xreallocarray(f->val, f->valcap, sizeof(*f->val));
	}
	rv = &f->val[f->nval];
	rv->v = *v;
	rv->next = -1;
	rv->text = rv->low = NULL;
	if (nd->last >= 0)
		f->val[nd->last].next = (int)f->nval;
	else
		nd->first = (int)f->nval;
	nd->last = (int)f->nval++;
}

static int visit(struct fields *, size_t, int);

/* The child of NODE named KEY, or -1. */
static long
member(const struct fields *f, size_t node, const struct ll_jval *key)
{
	const struct fnode *nd = &f->node[node], *c;
	size_t i;

	for (i = 0; i < nd->nkids; i++) {
		c = &f->node[nd->kids[i]];
		if (key->esc ? ll_jstr_eq(key, c->key) : key->n - 2 ==
		    c->keylen && memcmp(key->p + 1, c->key, c->keylen) == 0)
			return (long)nd->kids[i];
	}
	return -1;
}

/* An object at NODE: members on the way to a wanted field are visited. */
static int
object(struct fields *f, size_t node, int depth)
{
	struct ll_jscan *s = &f->scan;
	struct ll_jiter it;
	struct ll_jval key, v;
	long k;
	int r;

	(void)ll_jscan_open(s, &it);
	while ((r = ll_jscan_next(s, &it, &key)) == 1) {
		if ((k = member(f, node, &key)) >= 0)
			r = visit(f, (size_t)k, depth);
		else
			r = ll_jscan_value(s, &v);
		if (r == -1)
			return -1;
	}
	return r;
}

/* Consumes one value and hangs it (or its elements) on NODE. */
static int
visit(struct fields *f, size_t node, int depth)
{
	struct ll_jscan *s = &f->scan;
	struct ll_jiter it;
	struct ll_jval v;
	const char *start;
	int t, r;

	t = ll_jscan_peek(s);
	if (t != LL_JNULL && t != LL_JNONE)
		f->node[node].present = 1;
	if (t == LL_JARR && depth < MAXDEPTH) {
		(void)ll_jscan_open(s, &it);
		while ((r = ll_jscan_next(s, &it, NULL)) == 1)
			if (visit(f, node, depth + 1) == -1)
				return -1;
		return r;
	}
	if (t == LL_JOBJ && f->node[node].nkids > 0) {
		start = s->p;
		if (object(f, node, depth) == -1)
			return -1;
		if (f->node[node].wanted) {
			v.p = start;
			v.n = (size_t)(s->p - start);
			v.type = LL_JOBJ;
			v.esc = memchr(start, '\\', v.n) != NULL;
			add(f, node, &v);
		}
		return 0;
	}
	if (ll_jscan_value(s, &v) == -1)
		return -1;
	if (f->node[node].wanted && v.type != LL_JARR) {
		if (v.type == LL_JOBJ)
			v.esc = memchr(v.p, '\\', v.n) != NULL;
		add(f, node, &v);
	}
	return 0;
}

/*
 * Walks one record.  Returns 0, or -1 with f->object telling a record
 * that is not an object from invalid JSON (f->scan.err and its offset).
 */
int
ll_fields_scan(struct fields *f, const char *line, size_t n)
{
	size_t i;

	for (i = 0; i < f->nnode; i++) {
		f->node[i].first = f->node[i].last = -1;
		f->node[i].present = 0;
	}
	f->nval = 0;
	arena_reset(&f->arena);
	ll_jscan_init(&f->scan, line, n);
	f->object = ll_jscan_peek(&f->scan) == LL_JOBJ;
	if (!f->object)
		return -1;
	if (visit(f, 0, 0) == -1)
		return -1;
	f->end = ll_jscan_offset(&f->scan);
	/* Only the record's own '{' can stand right before its '}'. */
	for (i = f->end - 1; i > 0 && (line[i - 1] == ' ' ||
	    line[i - 1] == '\t' || line[i - 1] == '\r' || line[i - 1] == '\n');
	    i--)
		;
	f->empty = line[i - 1] == '{';
	return ll_jscan_end(&f->scan);
}

static const char *
lower(struct fields *f, const char *p, size_t n)
{
	char *o;
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			break;
	if (i == n)
		return p;
	o = arena_alloc(&f->arena, n);
	memcpy(o, p, i);
	for (; i < n; i++)
		o[i] = p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i];
	return o;
}

/*
 * The text a value is matched as: a string's characters, a number or
 * literal as written, an object's JSON text with its escapes decoded.
 * NULL for null.  LOW asks for ASCII lower case.
 */
const char *
ll_fields_text(struct fields *f, struct rvalue *rv, int low, size_t *n)
{
	const char *p;
	char *o;
	size_t len;

	if (rv->v.type == LL_JNULL)
		return NULL;
	if (rv->text == NULL) {
		p = rv->v.p;
		len = rv->v.n;
		if (rv->v.type == LL_JSTR) {
			p++;
			len -= 2;
		}
		if (rv->v.esc && (rv->v.type == LL_JSTR ||
		    rv->v.type == LL_JOBJ)) {
			o = arena_alloc(&f->arena, len);
			len = ll_json_unescape(o, p, len);
			p = o;
		}
		rv->text = p;
		rv->len = len;
	}
	*n = rv->len;
	if (!low)
		return rv->text;
	if (rv->low == NULL)
		rv->low = lower(f, rv->text, rv->len);
	return rv->low;
}

void
ll_fields_free(struct fields *f)
{
	size_t i;

	for (i = 0; i < f->nnode; i++) {
		free(f->node[i].key);
		free(f->node[i].kids);
	}
	free(f->node);
	free(f->val);
	arena_reset(&f->arena);
	free(f->arena.buf);
	free(f->arena.old);
	ll_jscan_free(&f->scan);
	memset(f, 0, sizeof(*f));
}
