/*
 * Which rules a record can possibly match, found by one hash lookup
 * instead of evaluating every rule.  Most CloudTrail rules can only
 * match a few event names: a rule is guarded by a field (eventName,
 * else eventSource) and a set of plain values when its condition
 * cannot be true unless that field holds one of them.  The set is
 * derived from the condition: an identifier guards when each of its
 * maps tests the field for plain values (the union is the set), "and"
 * takes a guard from either side, "or" needs both sides guarded (the
 * union), "not" never guards.  Unguarded rules are always evaluated.
 */
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#include "sigma.h"

static const char *guard_fields[] = { "eventName", "eventSource" };

struct set {
	const struct value **v;
	size_t	 n;
	int	 ok;
};

static void
set_add(struct set *s, const struct value *v)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = v;
}

static void
set_join(struct set *a, struct set *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		set_add(a, b->v[i]);
	free(b->v);
	b->v = NULL;
	b->n = 0;
}

/* A field test on NODE whose values are all plain, uncased strings. */
static int
plain(const struct matcher *m, size_t node)
{
	size_t i;

	if (m->node != node || (m->all && m->nv > 1))
		return 0;
	for (i = 0; i < m->nv; i++)
		if (m->v[i].kind != V_STR || m->v[i].shape != S_EXACT ||
		    m->v[i].cased)
			return 0;
	return 1;
}

static struct set
ident_guard(const struct ident *id, size_t node)
{
	struct set s = { NULL, 0, 1 };
	const struct map *mp;
	size_t i, j, k;

	for (i = 0; i < id->n && s.ok; i++) {
		mp = &id->maps[i];
		for (j = 0; j < mp->n && !plain(&mp->m[j], node); j++)
			;
		if (j == mp->n)
			s.ok = 0;
		for (k = 0; s.ok && k < mp->m[j].nv; k++)
			set_add(&s, &mp->m[j].v[k]);
	}
	return s;
}

static struct set
guard(const struct rule *r, size_t i, size_t node)
{
	const struct cnode *c = &r->cond[i];
	struct set a, b, none = { NULL, 0, 0 };

	switch (c->op) {
	case C_REF:
		a = ident_guard(&r->ids[c->a], node);
		break;
	case C_AND:
		a = guard(r, c->a, node);
		if (a.ok)
			break;
		free(a.v);
		a = guard(r, c->b, node);
		break;
	case C_OR:
		a = guard(r, c->a, node);
		b = guard(r, c->b, node);
		a.ok = a.ok && b.ok;
		set_join(&a, &b);
		break;
	default:
		a = none;
	}
	if (!a.ok) {
		free(a.v);
		a = none;
	}
	return a;
}

static uint64_t
hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return h;
}

static struct slot *
lookup(struct index *x, size_t field, const char *p, size_t n)
{
	struct slot *s;
	size_t i;

	for (i = hash(p, n) & (x->cap - 1);; i = (i + 1) & (x->cap - 1)) {
		s = &x->tab[i];
		if (s->lit == NULL || (s->field == field && s->len == n &&
		    memcmp(s->lit, p, n) == 0))
			return s;
	}
}

static void
insert(struct index *x, size_t field, const struct value *v, size_t rule)
{
	struct slot *s, *old;
	size_t i, oldcap;

	if (2 * (x->used + 1) > x->cap) {
		old = x->tab;
		oldcap = x->cap;
		x->cap = x->cap ? x->cap * 2 : 64;
		x->tab = xcalloc(x->cap, sizeof(*x->tab));
		for (i = 0; i < oldcap; i++)
			if (old[i].lit != NULL)
				*lookup(x, old[i].field, old[i].lit,
				    old[i].len) = old[i];
		free(old);
	}
	s = lookup(x, field, v->lit, v->len);
	if (s->lit == NULL) {
		s->lit = v->lit;
		s->len = v->len;
		s->field = field;
		x->used++;
	}
	if (s->nrules > 0 && s->rules[s->nrules - 1] == rule)
		return;
	s->rules = xreallocarray(s->rules, s->nrules + 1, sizeof(*s->rules));
	s->rules[s->nrules++] = rule;
}

void
ll_index_build(struct index *x, const struct ruleset *set, struct fields *f)
{
	struct set s;
	size_t i, j, k;
	long node;

	memset(x, 0, sizeof(*x));
	x->guarded = xcalloc(set->n + 1, sizeof(*x->guarded));
	x->stamp = xcalloc(set->n + 1, sizeof(*x->stamp));
	for (j = 0; j < sizeof(guard_fields) / sizeof(guard_fields[0]); j++)
		if ((node = ll_fields_find(f, guard_fields[j])) >= 0)
			x->field[x->nfield++] = (size_t)node;
	for (i = 0; i < set->n; i++) {
		if (set->r[i].why != NULL)
			continue;
		for (j = 0; j < x->nfield; j++) {
			s = guard(&set->r[i], set->r[i].root, x->field[j]);
			if (s.ok) {
				x->guarded[i] = 1;
				for (k = 0; k < s.n; k++)
					insert(x, j, s.v[k], i);
			}
			free(s.v);
			if (x->guarded[i])
				break;
		}
	}
}

/* Marks the guarded rules this record's field values let through. */
void
ll_index_record(struct index *x, struct fields *f)
{
	struct rvalue *rv;
	struct slot *s;
	const char *t;
	size_t j, k, n;
	int i;

	x->now++;
	for (j = 0; j < x->nfield && x->used > 0; j++)
		for (i = f->node[x->field[j]].first; i >= 0; i = rv->next) {
			rv = &f->val[i];
			if ((t = ll_fields_text(f, rv, 1, &n)) == NULL)
				continue;
			s = lookup(x, j, t, n);
			for (k = 0; s->lit != NULL && k < s->nrules; k++)
				x->stamp[s->rules[k]] = x->now;
		}
}

void
ll_index_free(struct index *x)
{
	size_t i;

	for (i = 0; i < x->cap; i++)
		free(x->tab[i].rules);
	free(x->tab);
	free(x->guarded);
	free(x->stamp);
	memset(x, 0, sizeof(*x));
}
