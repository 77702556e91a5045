/*
 * Fuzzes the field-path parser (lib/json/path.c) that reads --explode,
 * --parse and every other PATH option.  A path that parses must
 * survive a round trip through its fully quoted form, and must find
 * the leaf of an object built from its own segments.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "ll.h"
#include "json/path.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Writes P as '."seg"."seg"', escaping quotes and backslashes. */
static char *
quoted_form(const struct ll_path *p)
{
	size_t i, j, n = 1;
	char *q, *o;

	for (i = 0; i < p->n; i++)
		n += 3 + 2 * p->seglen[i];
	o = q = xmalloc(n);
	for (i = 0; i < p->n; i++) {
		*o++ = '.';
		*o++ = '"';
		for (j = 0; j < p->seglen[i]; j++) {
			if (p->seg[i][j] == '"' || p->seg[i][j] == '\\')
				*o++ = '\\';
			*o++ = p->seg[i][j];
		}
		*o++ = '"';
	}
	*o = '\0';
	return q;
}

static void
check_lookup(const struct ll_path *p)
{
	json_t *root, *o, *leaf, *next;
	size_t i;

	root = o = json_object();
	leaf = json_integer(42);
	for (i = 0; i < p->n; i++) {
		next = i + 1 == p->n ? leaf : json_object();
		/* Keys need not be UTF-8 here: paths are bytes. */
		fuzz_check(json_object_setn_new_nocheck(o, p->seg[i],
		    p->seglen[i], next) == 0, "segment %zu: cannot set", i);
		o = next;
	}
	fuzz_check(ll_path_get(p, root) == leaf, "lookup missed the leaf");
	json_decref(root);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ll_path p, p2;
	const char *why = NULL;
	char *text, *q;
	size_t i;

	text = xstrndup((const char *)data, size);
	if (ll_path_parse(&p, text, &why) == -1) {
		fuzz_check(why != NULL && p.n == 0 && p.seg == NULL,
		    "failed parse without a reason or with leftovers");
		free(text);
		return 0;
	}
	fuzz_check(p.n > 0, "empty path accepted");
	fuzz_check(strcmp(p.text, text) == 0, "text not kept");
	for (i = 0; i < p.n; i++)
		fuzz_check(strlen(p.seg[i]) == p.seglen[i],
		    "segment %zu: length %zu is wrong", i, p.seglen[i]);
	q = quoted_form(&p);
	fuzz_check(ll_path_parse(&p2, q, &why) == 0, "quoted form %s: %s",
	    q, why);
	fuzz_check(p2.n == p.n, "quoted form has %zu segments, not %zu",
	    p2.n, p.n);
	for (i = 0; i < p.n; i++)
		fuzz_check(p2.seglen[i] == p.seglen[i] &&
		    memcmp(p2.seg[i], p.seg[i], p.seglen[i]) == 0,
		    "quoted form changes segment %zu", i);
	check_lookup(&p);
	ll_path_free(&p2);
	ll_path_free(&p);
	free(q);
	free(text);
	return 0;
}
