/* Sorted string sets: any total order will do, so length comes first. */
#include <stdlib.h>
#include <string.h>

#include "strset.h"
#include "xalloc.h"

static int
cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return alen < blen ? -1 : 1;
	return memcmp(a, b, alen);
}

static int
cmp_str(const void *a, const void *b)
{
	const struct ll_str *x = a, *y = b;

	return cmp(x->s, x->len, y->s, y->len);
}

void
ll_strset_add(struct ll_strset *set, const char *s, size_t len)
{
	set->v = xreallocarray(set->v, set->n + 1, sizeof(*set->v));
	set->v[set->n].s = xmalloc(len + 1);
	memcpy(set->v[set->n].s, s, len);
	set->v[set->n].s[len] = '\0';
	set->v[set->n].len = len;
	set->n++;
	set->sorted = 0;
}

/* Sorts the set and drops duplicates; call before ll_strset_has(). */
void
ll_strset_sort(struct ll_strset *set)
{
	size_t i, o;

	if (set->n > 1)
		qsort(set->v, set->n, sizeof(*set->v), cmp_str);
	for (i = o = 0; i < set->n; i++) {
		if (o > 0 && cmp_str(&set->v[o - 1], &set->v[i]) == 0) {
			free(set->v[i].s);
			continue;
		}
		set->v[o++] = set->v[i];
	}
	set->n = o;
	set->sorted = 1;
}

int
ll_strset_has(const struct ll_strset *set, const char *s, size_t len)
{
	size_t lo = 0, hi = set->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = cmp(s, len, set->v[mid].s, set->v[mid].len);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

void
ll_strset_free(struct ll_strset *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		free(set->v[i].s);
	free(set->v);
	memset(set, 0, sizeof(*set));
}
