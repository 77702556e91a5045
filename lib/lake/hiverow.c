/*
 * Partition folders are KEY=VALUE with Hive's %XX escapes (hive.c);
 * the folder above the first of them names the table.  A value is a
 * JSON string unless the table's schema types its column as boolean
 * or bigint and the value is one.
 */
#include <stdlib.h>
#include <string.h>

#include "json/jscan.h"
#include "lake/hiverow.h"
#include "lake/schema.h"
#include "xalloc.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A Hive path value, its %XX escapes decoded. */
static char *
unhive(const char *s, size_t n)
{
	char *d, *o;
	size_t i;
	int h, l;

	o = d = xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    (h = hexval((unsigned char)s[i + 1])) >= 0 &&
		    (l = hexval((unsigned char)s[i + 2])) >= 0) {
			*o++ = (char)(h << 4 | l);
			i += 2;
		} else
			*o++ = s[i];
	}
	*o = '\0';
	return d;
}

static int
is_integer(const char *s)
{
	const char *p = *s == '-' ? s + 1 : s;
	size_t n = strlen(p);

	if (n == 0 || n > 18 || (p[0] == '0' && n > 1))
		return 0;
	return strspn(p, "0123456789") == n;
}

static char *
json_value(const struct ll_table *t, int col, const char *val)
{
	struct ll_jbuf b = { 0 };

	if (col >= 0 && t->cols[col].type == LL_CT_BOOLEAN &&
	    (strcmp(val, "true") == 0 || strcmp(val, "false") == 0))
		return xstrdup(val);
	if (col >= 0 && t->cols[col].type == LL_CT_BIGINT && is_integer(val))
		return xstrdup(val);
	ll_jbuf_addraw_str(&b, val, strlen(val));
	ll_jbuf_addc(&b, '\0');
	return b.p;
}

static void
add(struct ll_hiverow *h, const char *comp, size_t n)
{
	struct ll_jbuf b = { 0 };
	struct ll_hivepart *p;
	const char *eq = memchr(comp, '=', n);
	char *name, *val;
	size_t i;

	name = unhive(comp, (size_t)(eq - comp));
	for (i = 0; i < h->n; i++)
		if (strcmp(h->p[i].name, name) == 0) {
			free(name);
			return;
		}
	val = unhive(eq + 1, n - (size_t)(eq + 1 - comp));
	h->p = xreallocarray(h->p, h->n + 1, sizeof(*h->p));
	p = &h->p[h->n++];
	p->name = name;
	ll_jbuf_addraw_str(&b, name, strlen(name));
	ll_jbuf_addc(&b, ':');
	ll_jbuf_addc(&b, '\0');
	p->key = b.p;
	p->col = h->t != NULL ? ll_schema_column(h->t, name) : -1;
	p->val = json_value(h->t, p->col, val);
	free(val);
}

/*
 * The partition values in PATH (LAKE/TABLE/KEY=VALUE/.../FILE); 0 if
 * it has none.
 */
int
ll_hiverow_init(struct ll_hiverow *h, const char *path)
{
	const char *p, *slash, *prev = NULL, *eq;
	char *table;

	memset(h, 0, sizeof(*h));
	for (p = path; (slash = strchr(p, '/')) != NULL; p = slash + 1) {
		eq = memchr(p, '=', (size_t)(slash - p));
		if (eq == NULL || eq == p) {
			prev = h->n == 0 ? p : NULL;
			continue;
		}
		if (h->n == 0 && prev != NULL) {
			table = xstrndup(prev, (size_t)(p - 1 - prev));
			h->t = ll_schema_table(table);
			free(table);
		}
		add(h, p, (size_t)(slash - p));
	}
	h->seen = xcalloc(h->n + 1, 1);
	return h->n > 0;
}

static int
find(const struct ll_hiverow *h, const struct ll_jval *k)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (ll_jstr_eq(k, h->p[i].name))
			return (int)i;
	return -1;
}

/* The schema's place of member K; past every column if it has none. */
static int
place(const struct ll_hiverow *h, const struct ll_jval *k)
{
	size_t i;

	if (h->t == NULL)
		return -1;
	for (i = 0; i < h->t->ncols; i++)
		if (ll_jstr_eq(k, h->t->cols[i].name))
			return (int)i;
	return (int)h->t->ncols;
}

static void
put_parts(struct ll_hiverow *h, int before, struct ll_jbuf *out, int *first)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		if (h->seen[i] || (before >= 0 && (h->p[i].col < 0 ||
		    h->p[i].col >= before)))
			continue;
		if (!*first)
			ll_jbuf_addc(out, ',');
		*first = 0;
		ll_jbuf_adds(out, h->p[i].key);
		ll_jbuf_adds(out, h->p[i].val);
		h->seen[i] = 1;
	}
}

/*
 * Appends the JSON object of N bytes at LINE to OUT with the partition
 * values it lacks; -1 (OUT unchanged) if it is not a JSON object.
 */
int
ll_hiverow_apply(struct ll_hiverow *h, const char *line, size_t n,
    struct ll_jbuf *out)
{
	struct ll_jiter it;
	struct ll_jval k, v;
	int r, i, first = 1;

	memset(h->seen, 0, h->n);
	ll_jscan_init(&h->sc, line, n);
	if (ll_jscan_open(&h->sc, &it) == -1)
		return -1;
	while ((r = ll_jscan_next(&h->sc, &it, &k)) == 1 &&
	    ll_jscan_value(&h->sc, &v) == 0)
		if ((i = find(h, &k)) >= 0)
			h->seen[i] = 1;
	if (r != 0 || ll_jscan_end(&h->sc) == -1)
		return -1;
	ll_jbuf_addc(out, '{');
	ll_jscan_init(&h->sc, line, n);
	(void)ll_jscan_open(&h->sc, &it);
	while (ll_jscan_next(&h->sc, &it, &k) == 1 &&
	    ll_jscan_value(&h->sc, &v) == 0) {
		if (h->t != NULL)
			put_parts(h, place(h, &k), out, &first);
		if (!first)
			ll_jbuf_addc(out, ',');
		first = 0;
		ll_jbuf_add(out, k.p, (size_t)(v.p + v.n - k.p));
	}
	put_parts(h, -1, out, &first);
	ll_jbuf_addc(out, '}');
	return 0;
}

void
ll_hiverow_free(struct ll_hiverow *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->p[i].name);
		free(h->p[i].key);
		free(h->p[i].val);
	}
	free(h->p);
	free(h->seen);
	ll_jscan_free(&h->sc);
	memset(h, 0, sizeof(*h));
}
