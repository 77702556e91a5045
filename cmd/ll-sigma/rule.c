/*
 * Sigma rules from YAML (libyaml's document loader, which keeps each
 * node's line for messages) compiled into tests: a detection
 * identifier is an or of maps, a map an and of field tests, a field
 * test an or (with "all": an and) of values.  Whatever this evaluator
 * cannot do exactly is refused with the line and the reason, and the
 * rule is left out; nothing in a rule is silently ignored except its
 * descriptive metadata.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "ll.h"
#include "xalloc.h"

#include "sigma.h"

#define MAXVALUES	100000	/* values in one rule */
#define MAXCOND		10000	/* nodes in one condition */

enum {
	M_CONTAINS = 1 << 0, M_STARTS = 1 << 1, M_ENDS = 1 << 2,
	M_ALL = 1 << 3, M_CASED = 1 << 4, M_RE = 1 << 5, M_RE_I = 1 << 6,
	M_RE_M = 1 << 7, M_RE_S = 1 << 8, M_CIDR = 1 << 9,
	M_EXISTS = 1 << 10, M_REF = 1 << 11, M_LT = 1 << 12,
	M_LTE = 1 << 13, M_GT = 1 << 14, M_GTE = 1 << 15
};

static const struct {
	const char	*name;
	int		 bit;
} mods[] = {
	{ "all", M_ALL }, { "cased", M_CASED }, { "cidr", M_CIDR },
	{ "contains", M_CONTAINS }, { "endswith", M_ENDS },
	{ "exists", M_EXISTS }, { "fieldref", M_REF }, { "gt", M_GT },
	{ "gte", M_GTE }, { "i", M_RE_I }, { "lt", M_LT }, { "lte", M_LTE },
	{ "m", M_RE_M }, { "re", M_RE }, { "s", M_RE_S },
	{ "startswith", M_STARTS }
};

/* Sigma modifiers this evaluator knows of but does not implement. */
static const char *unsupported_mods[] = {
	"base64", "base64offset", "utf16", "utf16le", "utf16be", "wide",
	"windash", "expand", "neq", "minute", "hour", "day", "week",
	"month", "year"
};

enum stype { T_STR, T_NULL, T_BOOL, T_NUM };

struct ctx {
	yaml_document_t	*doc;
	struct rule	*r;
	char		 why[512];
	unsigned long	 line;
	size_t		 values;
};

static int LL_PRINTF(3, 4)
refuse(struct ctx *c, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->why, sizeof(c->why), fmt, ap);
	va_end(ap);
	c->line = n->start_mark.line + 1;
	return -1;
}

static const char *
text(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static int
isnumber(const char *s)
{
	size_t d = 0;

	s += *s == '-' || *s == '+';
	for (; *s >= '0' && *s <= '9'; s++)
		d++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			d++;
	if (d == 0)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		s += *s == '-' || *s == '+';
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* YAML 1.2 core schema for plain scalars; quoted ones are strings. */
static enum stype
stype(const yaml_node_t *n)
{
	const char *s = text(n);

	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return T_STR;
	if (*s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0)
		return T_NULL;
	if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 ||
	    strcmp(s, "TRUE") == 0 || strcmp(s, "false") == 0 ||
	    strcmp(s, "False") == 0 || strcmp(s, "FALSE") == 0)
		return T_BOOL;
	return isnumber(s) ? T_NUM : T_STR;
}

static yaml_node_t *
node(struct ctx *c, int i)
{
	return yaml_document_get_node(c->doc, i);
}

/* The value under KEY in mapping M, or NULL; *dup on a repeated key. */
static yaml_node_t *
get(struct ctx *c, yaml_node_t *m, const char *key)
{
	yaml_node_pair_t *p;
	yaml_node_t *k;

	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	    p++) {
		k = node(c, p->key);
		if (k->type == YAML_SCALAR_NODE && strcmp(text(k), key) == 0)
			return node(c, p->value);
	}
	return NULL;
}

/* Mapping keys must be plain strings, each once. */
static int
keys(struct ctx *c, yaml_node_t *m, const char *what)
{
	yaml_node_pair_t *p, *q;
	yaml_node_t *k;

	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	    p++) {
		k = node(c, p->key);
		if (k->type != YAML_SCALAR_NODE)
			return refuse(c, k, "invalid: a key in %s is not a "
			    "string", what);
		for (q = m->data.mapping.pairs.start; q < p; q++)
			if (strcmp(text(node(c, q->key)), text(k)) == 0)
				return refuse(c, k, "invalid: '%s' appears "
				    "twice in %s", text(k), what);
	}
	return 0;
}

static int
path_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && s[0] != '.' && s[n - 1] != '.' &&
	    strstr(s, "..") == NULL;
}

/* Reads "field|mod|mod" into *field (allocated) and a set of bits. */
static int
modifiers(struct ctx *c, const yaml_node_t *k, char **field, int *bits)
{
	const char *s = text(k), *bar, *name;
	size_t i, n;

	bar = strchr(s, '|');
	*field = xstrndup(s, bar != NULL ? (size_t)(bar - s) : strlen(s));
	*bits = 0;
	if (**field == '\0')
		return refuse(c, k, "unsupported: modifiers on keywords ('%s' "
		    "has no field name)", s);
	if (!path_ok(*field))
		return refuse(c, k, "invalid: field name '%s'", *field);
	while (bar != NULL) {
		name = bar + 1;
		bar = strchr(name, '|');
		n = bar != NULL ? (size_t)(bar - name) : strlen(name);
		for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++)
			if (strlen(mods[i].name) == n &&
			    strncmp(mods[i].name, name, n) == 0)
				break;
		if (i < sizeof(mods) / sizeof(mods[0])) {
			*bits |= mods[i].bit;
			continue;
		}
		for (i = 0; i < sizeof(unsupported_mods) /
		    sizeof(unsupported_mods[0]); i++)
			if (strlen(unsupported_mods[i]) == n &&
			    strncmp(unsupported_mods[i], name, n) == 0)
				return refuse(c, k, "unsupported: modifier "
				    "'%.*s' on %s", (int)n, name, *field);
		return refuse(c, k, "unsupported: unknown modifier '%.*s' on "
		    "%s", (int)n, name, *field);
	}
	return 0;
}

/* Modifiers that make sense together, and nothing else. */
static int
combination(struct ctx *c, const yaml_node_t *k, int b)
{
	int shape = b & (M_CONTAINS | M_STARTS | M_ENDS);
	int re = b & (M_RE_I | M_RE_M | M_RE_S);

	if (shape & (shape - 1))
		return refuse(c, k, "invalid: '%s': contains, startswith and "
		    "endswith exclude each other", text(k));
	if (re && !(b & M_RE))
		return refuse(c, k, "invalid: '%s': i, m and s are flags of "
		    "re", text(k));
	if ((b & M_RE) && (b & ~(M_RE | M_RE_I | M_RE_M | M_RE_S | M_ALL)))
		return refuse(c, k, "unsupported: '%s': re with other "
		    "modifiers than i, m, s and all", text(k));
	if ((b & M_CIDR) && (b & ~(M_CIDR | M_ALL)))
		return refuse(c, k, "unsupported: '%s': cidr with other "
		    "modifiers than all", text(k));
	if ((b & M_EXISTS) && b != M_EXISTS)
		return refuse(c, k, "invalid: '%s': exists takes no other "
		    "modifier", text(k));
	if ((b & (M_LT | M_LTE | M_GT | M_GTE)) && (b & (M_LT | M_LTE |
	    M_GT | M_GTE | M_ALL)) != b)
		return refuse(c, k, "unsupported: '%s': lt, lte, gt and gte "
		    "with other modifiers than all", text(k));
	if (((b & M_LT) != 0) + ((b & M_LTE) != 0) + ((b & M_GT) != 0) +
	    ((b & M_GTE) != 0) > 1)
		return refuse(c, k, "invalid: '%s': more than one of lt, "
		    "lte, gt and gte", text(k));
	return 0;
}

static enum vshape
shape(int b)
{
	if (b & M_CONTAINS)
		return S_SUBSTR;
	if (b & M_STARTS)
		return S_PREFIX;
	return b & M_ENDS ? S_SUFFIX : S_EXACT;
}

static int
value(struct ctx *c, const char *field, int b, yaml_node_t *n,
    struct value *v)
{
	const char *s = text(n);
	size_t len = n->data.scalar.length;
	enum stype t = stype(n);
	uint32_t flags = 0;
	char why[200];

	memset(v, 0, sizeof(*v));
	if (b & M_EXISTS) {
		if (t != T_BOOL)
			return refuse(c, n, "invalid: %s|exists takes true or "
			    "false", field);
		v->kind = V_EXISTS;
		v->exists = strcasecmp(s, "true") == 0;
		return 0;
	}
	if (b & (M_LT | M_LTE | M_GT | M_GTE)) {
		if (t != T_NUM)
			return refuse(c, n, "invalid: %s: lt, lte, gt and gte "
			    "take a number", field);
		v->kind = b & M_LT ? V_LT : b & M_LTE ? V_LTE : b & M_GT ?
		    V_GT : V_GTE;
		v->num = strtod(s, NULL);
		return 0;
	}
	if (t == T_NULL && b & ~M_ALL)
		return refuse(c, n, "invalid: %s: null with modifiers", field);
	if (b & M_RE) {
		flags |= b & M_RE_I ? PCRE2_CASELESS : 0;
		flags |= b & M_RE_M ? PCRE2_MULTILINE : 0;
		flags |= b & M_RE_S ? PCRE2_DOTALL : 0;
		if (ll_value_re(v, s, len, flags, why, sizeof(why)) == -1)
			return refuse(c, n, "invalid: %s|re: %s", field, why);
		return 0;
	}
	if (b & M_CIDR) {
		if (ll_value_cidr(v, s) == -1)
			return refuse(c, n, "invalid: %s|cidr: '%s' is not an "
			    "IPv4 or IPv6 network", field, s);
		return 0;
	}
	if (b & M_REF) {
		if (!path_ok(s))
			return refuse(c, n, "invalid: %s|fieldref: '%s' is not "
			    "a field name", field, s);
		v->kind = V_REF;
		v->shape = shape(b);
		v->cased = (b & M_CASED) != 0;
		v->ref = xstrdup(s);
		return 0;
	}
	if (t == T_NULL) {
		v->kind = V_NULL;
		return 0;
	}
	if (t == T_NUM && shape(b) == S_EXACT) {
		v->kind = V_NUM;
		v->num = strtod(s, NULL);
		v->lit = xstrndup(s, len);
		v->len = len;
		return 0;
	}
	if (memchr(s, '\0', len) != NULL)
		return refuse(c, n, "unsupported: %s: a NUL character in a "
		    "value", field);
	return ll_value_glob(v, s, len, shape(b), (b & M_CASED) != 0);
}

static int
cost(const struct matcher *m)
{
	size_t i;
	int k = 0, x;

	for (i = 0; i < m->nv; i++) {
		switch (m->v[i].kind) {
		case V_NULL:
		case V_EXISTS:
			x = 0;
			break;
		case V_STR:
			x = m->v[i].shape <= S_SUFFIX ? 1 : 2;
			break;
		case V_RE:
		case V_REF:
			x = 3;
			break;
		default:
			x = 2;
		}
		k = x > k ? x : k;
	}
	return k;
}

/* FIELD|MODS: VALUE or a list of values. */
static int
matcher(struct ctx *c, yaml_node_t *k, yaml_node_t *val, struct matcher *m)
{
	yaml_node_item_t *it;
	yaml_node_t *one;
	size_t i, n;
	int b;

	memset(m, 0, sizeof(*m));
	if (modifiers(c, k, &m->field, &b) == -1 ||
	    combination(c, k, b) == -1)
		return -1;
	m->all = (b & M_ALL) != 0;
	if (val->type == YAML_MAPPING_NODE)
		return refuse(c, val, "unsupported: a map under '%s' (write "
		    "nested fields with dots: %s.key)", text(k), m->field);
	n = val->type == YAML_SCALAR_NODE ? 1 : (size_t)
	    (val->data.sequence.items.top - val->data.sequence.items.start);
	if (n == 0)
		return refuse(c, val, "invalid: '%s' has an empty list",
		    text(k));
	if ((b & M_EXISTS) && n > 1)
		return refuse(c, val, "invalid: '%s' takes one value",
		    text(k));
	if ((c->values += n) > MAXVALUES)
		return refuse(c, val, "invalid: more than %d values",
		    MAXVALUES);
	m->v = xcalloc(n, sizeof(*m->v));
	it = val->type == YAML_SCALAR_NODE ? NULL :
	    val->data.sequence.items.start;
	for (i = 0; i < n; i++) {
		one = it != NULL ? node(c, it[i]) : val;
		if (one->type != YAML_SCALAR_NODE)
			return refuse(c, one, "unsupported: a list or map "
			    "inside the values of '%s'", text(k));
		m->nv++;
		if (value(c, m->field, b, one, &m->v[i]) == -1)
			return -1;
	}
	m->cost = cost(m);
	return 0;
}

static void
matcher_free(struct matcher *m)
{
	size_t i;

	for (i = 0; i < m->nv; i++)
		ll_value_free(&m->v[i]);
	free(m->v);
	free(m->field);
}

/* A map: the field tests, cheap ones first (the order means nothing). */
static int
map(struct ctx *c, yaml_node_t *y, struct map *mp)
{
	yaml_node_pair_t *p;
	struct matcher t;
	size_t n, i;

	n = (size_t)(y->data.mapping.pairs.top - y->data.mapping.pairs.start);
	if (n == 0)
		return refuse(c, y, "invalid: an empty map");
	if (keys(c, y, "a detection map") == -1)
		return -1;
	mp->m = xcalloc(n, sizeof(*mp->m));
	for (p = y->data.mapping.pairs.start; p < y->data.mapping.pairs.top;
	    p++) {
		if (matcher(c, node(c, p->key), node(c, p->value),
		    &mp->m[mp->n++]) == -1)
			return -1;
		for (i = mp->n - 1; i > 0 && mp->m[i - 1].cost >
		    mp->m[i].cost; i--) {
			t = mp->m[i];
			mp->m[i] = mp->m[i - 1];
			mp->m[i - 1] = t;
		}
	}
	return 0;
}

/* Keywords: each a substring of the record's text, any of them. */
static int
keywords(struct ctx *c, yaml_node_t *y, struct map *mp)
{
	yaml_node_item_t *it;
	yaml_node_t *one;
	struct matcher *m;
	size_t i, n;

	n = y->type == YAML_SCALAR_NODE ? 1 : (size_t)
	    (y->data.sequence.items.top - y->data.sequence.items.start);
	if ((c->values += n) > MAXVALUES)
		return refuse(c, y, "invalid: more than %d values", MAXVALUES);
	mp->m = m = xcalloc(1, sizeof(*m));
	mp->n = 1;
	m->field = xstrdup("");
	m->v = xcalloc(n, sizeof(*m->v));
	m->cost = 2;
	it = y->type == YAML_SCALAR_NODE ? NULL : y->data.sequence.items.start;
	for (i = 0; i < n; i++) {
		one = it != NULL ? node(c, it[i]) : y;
		if (stype(one) == T_NULL)
			return refuse(c, one, "invalid: a null keyword");
		if (memchr(text(one), '\0', one->data.scalar.length) != NULL)
			return refuse(c, one, "unsupported: a NUL character "
			    "in a keyword");
		m->nv++;
		(void)ll_value_glob(&m->v[i], text(one),
		    one->data.scalar.length, S_SUBSTR, 0);
	}
	return 0;
}

/* An identifier: a map, a list of maps, or keywords. */
static int
ident(struct ctx *c, yaml_node_t *k, yaml_node_t *y, struct ident *id)
{
	yaml_node_item_t *it;
	size_t i, n, nmaps = 0;

	id->name = xstrdup(text(k));
	if (y->type == YAML_MAPPING_NODE) {
		id->maps = xcalloc(1, sizeof(*id->maps));
		id->n = 1;
		return map(c, y, id->maps);
	}
	if (y->type == YAML_SCALAR_NODE && stype(y) == T_NULL)
		return refuse(c, y, "invalid: '%s' has no value", id->name);
	id->maps = xcalloc(1, sizeof(*id->maps));
	if (y->type == YAML_SCALAR_NODE) {
		id->n = 1;
		return keywords(c, y, id->maps);
	}
	it = y->data.sequence.items.start;
	n = (size_t)(y->data.sequence.items.top - it);
	if (n == 0)
		return refuse(c, y, "invalid: '%s' is an empty list",
		    id->name);
	for (i = 0; i < n; i++) {
		if (node(c, it[i])->type == YAML_MAPPING_NODE)
			nmaps++;
		else if (node(c, it[i])->type != YAML_SCALAR_NODE)
			return refuse(c, node(c, it[i]), "unsupported: a "
			    "list inside the list '%s'", id->name);
	}
	if (nmaps == 0) {
		id->n = 1;
		return keywords(c, y, id->maps);
	}
	if (nmaps != n)
		return refuse(c, y, "invalid: '%s' mixes maps and keywords",
		    id->name);
	id->maps = xreallocarray(id->maps, n, sizeof(*id->maps));
	memset(id->maps, 0, n * sizeof(*id->maps));
	for (i = 0; i < n; i++) {
		id->n++;
		if (map(c, node(c, it[i]), &id->maps[i]) == -1)
			return -1;
	}
	return 0;
}

static int
condition(struct ctx *c, yaml_node_t *y)
{
	struct rule *r = c->r;
	yaml_node_item_t *it;
	yaml_node_t *one;
	size_t i, n, root;
	char why[sizeof(c->why)];

	n = y->type == YAML_SCALAR_NODE ? 1 : y->type == YAML_SEQUENCE_NODE ?
	    (size_t)(y->data.sequence.items.top -
	    y->data.sequence.items.start) : 0;
	if (n == 0)
		return refuse(c, y, "invalid: condition is not a string or a "
		    "list of strings");
	it = y->type == YAML_SCALAR_NODE ? NULL :
	    y->data.sequence.items.start;
	/* A list of conditions: a record matching any of them matches. */
	for (i = 0; i < n; i++) {
		one = it != NULL ? node(c, it[i]) : y;
		if (one->type != YAML_SCALAR_NODE)
			return refuse(c, one, "invalid: condition is not a "
			    "string");
		if (ll_cond_parse(r, text(one), &root, why, sizeof(why)) == -1)
			return refuse(c, one, "%s", why);
		r->root = i == 0 ? root : r->root;
		if (i > 0) {
			r->cond = xreallocarray(r->cond, r->ncond + 1,
			    sizeof(*r->cond));
			r->cond[r->ncond].op = C_OR;
			r->cond[r->ncond].a = r->root;
			r->cond[r->ncond].b = root;
			r->root = r->ncond++;
		}
		if (r->ncond > MAXCOND)
			return refuse(c, one, "invalid: condition too large");
	}
	return 0;
}

static int
detection(struct ctx *c, yaml_node_t *root)
{
	struct rule *r = c->r;
	yaml_node_pair_t *p;
	yaml_node_t *cond, *d, *k;
	size_t n;

	if ((d = get(c, root, "detection")) == NULL ||
	    d->type != YAML_MAPPING_NODE)
		return refuse(c, d != NULL ? d : root, "invalid: no "
		    "detection map");
	if (keys(c, d, "detection") == -1)
		return -1;
	if ((k = get(c, d, "timeframe")) != NULL)
		return refuse(c, k, "unsupported: timeframe (aggregations "
		    "over time)");
	if ((cond = get(c, d, "condition")) == NULL)
		return refuse(c, d, "invalid: detection has no condition");
	n = (size_t)(d->data.mapping.pairs.top - d->data.mapping.pairs.start);
	r->ids = xcalloc(n, sizeof(*r->ids));
	for (p = d->data.mapping.pairs.start; p < d->data.mapping.pairs.top;
	    p++) {
		k = node(c, p->key);
		if (strcmp(text(k), "condition") == 0)
			continue;
		if (ident(c, k, node(c, p->value), &r->ids[r->nids++]) == -1)
			return -1;
	}
	return condition(c, cond);
}

static int
logsource(struct ctx *c, yaml_node_t *root)
{
	yaml_node_t *ls, *prod, *svc, *cat;

	if ((ls = get(c, root, "logsource")) == NULL ||
	    ls->type != YAML_MAPPING_NODE)
		return refuse(c, ls != NULL ? ls : root, "invalid: no "
		    "logsource map");
	prod = get(c, ls, "product");
	svc = get(c, ls, "service");
	cat = get(c, ls, "category");
	if (cat != NULL)
		return refuse(c, cat, "unsupported: logsource category '%s' "
		    "(only product aws, service cloudtrail)",
		    cat->type == YAML_SCALAR_NODE ? text(cat) : "?");
	if (prod == NULL || prod->type != YAML_SCALAR_NODE ||
	    strcasecmp(text(prod), "aws") != 0 || svc == NULL ||
	    svc->type != YAML_SCALAR_NODE ||
	    strcasecmp(text(svc), "cloudtrail") != 0)
		return refuse(c, ls, "unsupported: logsource product '%s', "
		    "service '%s' (only product aws, service cloudtrail)",
		    prod != NULL && prod->type == YAML_SCALAR_NODE ?
		    text(prod) : "", svc != NULL && svc->type ==
		    YAML_SCALAR_NODE ? text(svc) : "");
	return 0;
}

static char *
meta(struct ctx *c, yaml_node_t *root, const char *key)
{
	yaml_node_t *n;

	if ((n = get(c, root, key)) == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return xstrdup(text(n));
}

static void
tag(struct rule *r)
{
	struct ll_jbuf b;
	const char *k[] = { "{\"id\":", ",\"title\":", ",\"level\":" };
	const char *v[3];
	size_t i;

	memset(&b, 0, sizeof(b));
	v[0] = r->id;
	v[1] = r->title;
	v[2] = r->level;
	for (i = 0; i < 3; i++) {
		ll_jbuf_adds(&b, k[i]);
		if (v[i] == NULL)
			ll_jbuf_adds(&b, "null");
		else
			ll_jbuf_addraw_str(&b, v[i], strlen(v[i]));
	}
	ll_jbuf_addc(&b, '}');
	ll_jbuf_addc(&b, '\0');
	r->tag = b.p;
}

static int
compile(struct ctx *c, const struct ruleset *set, yaml_node_t *root)
{
	struct rule *r = c->r;
	yaml_node_t *n;
	size_t i;

	if (root->type != YAML_MAPPING_NODE)
		return refuse(c, root, "invalid: a rule is a YAML map");
	if (keys(c, root, "the rule") == -1)
		return -1;
	r->id = meta(c, root, "id");
	r->title = meta(c, root, "title");
	r->level = meta(c, root, "level");
	if ((n = get(c, root, "action")) != NULL)
		return refuse(c, n, "unsupported: rule collections (action: "
		    "%s)", n->type == YAML_SCALAR_NODE ? text(n) : "...");
	if ((n = get(c, root, "correlation")) != NULL)
		return refuse(c, n, "unsupported: correlation rule");
	if ((n = get(c, root, "filter")) != NULL)
		return refuse(c, n, "unsupported: filter rule (Sigma "
		    "filters)");
	if (r->title == NULL)
		return refuse(c, root, "invalid: no title");
	for (i = 0; r->id != NULL && i + 1 < set->n; i++)
		if (set->r[i].why == NULL && set->r[i].id != NULL &&
		    strcmp(set->r[i].id, r->id) == 0)
			return refuse(c, get(c, root, "id"), "invalid: id %s "
			    "is also the id of %s:%lu", r->id, set->r[i].file,
			    set->r[i].line);
	if (logsource(c, root) == -1)
		return -1;
	if (detection(c, root) == -1)
		return -1;
	tag(r);
	return 0;
}

/* Compiles one YAML document into R, or says why it cannot. */
int
ll_rule_compile(const struct ruleset *set, struct rule *r,
    yaml_document_t *doc, yaml_node_t *root, char *why, size_t whysize,
    unsigned long *line)
{
	struct ctx c;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.r = r;
	if (compile(&c, set, root) == 0)
		return 0;
	snprintf(why, whysize, "%s", c.why);
	*line = c.line;
	return -1;
}

/* Field paths become nodes of the record walk, for usable rules. */
void
ll_rule_bind(struct ruleset *set, struct fields *f)
{
	struct matcher *m;
	struct rule *r;
	size_t i, j, k, l, v;

	for (i = 0; i < set->n; i++) {
		r = &set->r[i];
		for (j = 0; r->why == NULL && j < r->nids; j++)
			for (k = 0; k < r->ids[j].n; k++)
				for (l = 0; l < r->ids[j].maps[k].n; l++) {
					m = &r->ids[j].maps[k].m[l];
					m->node = ll_fields_add(f, m->field);
					for (v = 0; v < m->nv; v++)
						if (m->v[v].kind == V_REF)
							m->v[v].refnode =
							    ll_fields_add(f,
							    m->v[v].ref);
				}
	}
}

static int
match_map(const struct map *mp, struct fields *f)
{
	const struct matcher *m;
	size_t i, j;
	int hit;

	for (i = 0; i < mp->n; i++) {
		m = &mp->m[i];
		hit = m->all;
		for (j = 0; j < m->nv; j++) {
			hit = ll_value_test(&m->v[j], f, m->node);
			if (hit != m->all)
				break;
		}
		if (!hit)
			return 0;
	}
	return 1;
}

static int
eval(const struct rule *r, struct fields *f, size_t i)
{
	const struct cnode *c = &r->cond[i];
	const struct ident *id;
	size_t j;

	switch (c->op) {
	case C_AND:
		return eval(r, f, c->a) && eval(r, f, c->b);
	case C_OR:
		return eval(r, f, c->a) || eval(r, f, c->b);
	case C_NOT:
		return !eval(r, f, c->a);
	default:
		id = &r->ids[c->a];
		for (j = 0; j < id->n; j++)
			if (match_map(&id->maps[j], f))
				return 1;
		return 0;
	}
}

int
ll_rule_match(const struct rule *r, struct fields *f)
{
	return eval(r, f, r->root);
}

void
ll_rule_free(struct ruleset *set)
{
	struct rule *r;
	size_t i, j, k, l;

	for (i = 0; i < set->n; i++) {
		r = &set->r[i];
		for (j = 0; j < r->nids; j++) {
			for (k = 0; k < r->ids[j].n; k++) {
				for (l = 0; l < r->ids[j].maps[k].n; l++)
					matcher_free(&r->ids[j].maps[k].m[l]);
				free(r->ids[j].maps[k].m);
			}
			free(r->ids[j].maps);
			free(r->ids[j].name);
		}
		free(r->ids);
		free(r->cond);
		free(r->file);
		free(r->id);
		free(r->title);
		free(r->level);
		free(r->why);
		free(r->tag);
	}
	free(set->r);
	ll_value_done();
}
