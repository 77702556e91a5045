/*
 * Fuzzes the in-memory scanner (lib/json/jscan.c) under ll-flatten and
 * ll-partition -F.  Each input is one record, walked member by member
 * with ll_jscan_open/next as the flattener does; the walk rebuilds the
 * value as jansson objects (strings decoded by ll_jbuf_addunesc,
 * numbers parsed from their span).  Checks: the scanner and
 * ll_json_parse() give the same verdict, and for valid text the
 * rebuilt value equals jansson's (json_equal); ll_jscan_value() on the
 * same text spans all of it.  Two differences are by design: the
 * scanner takes any number the grammar allows and any key, jansson
 * refuses numbers beyond a double's range (1e400), keys holding
 * \u0000 and nesting deeper than 2048, so inputs with those are only
 * checked for the scanner's own consistency.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "json/jscan.h"
#include "json/json.h"
#include "ll.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int huge;	/* a number or key jansson refuses was seen */

static json_t *
scalar(const struct ll_jval *v)
{
	struct ll_jbuf b = { 0 };
	json_error_t jerr;
	json_t *j;

	switch (v->type) {
	case LL_JNULL:
		return json_null();
	case LL_JTRUE:
		return json_true();
	case LL_JFALSE:
		return json_false();
	case LL_JSTR:
		ll_jbuf_addunesc(&b, v);
		j = json_stringn_nocheck(b.p != NULL ? b.p : "", b.len);
		ll_jbuf_free(&b);
		return j;
	default:
		/* Reals throughout, as jansson's values are compared so. */
		j = json_loadb(v->p, v->n, JSON_DECODE_ANY |
		    JSON_DECODE_INT_AS_REAL, &jerr);
		if (j == NULL &&
		    json_error_code(&jerr) == json_error_numeric_overflow) {
			huge = 1;
			return json_null();
		}
		fuzz_check(j != NULL && json_is_number(j),
		    "number span %.*s: %s", (int)v->n, v->p,
		    j == NULL ? jerr.text : "not a number");
		return j;
	}
}

/* The next value, rebuilt; NULL when the scanner fails. */
static json_t *
build(struct ll_jscan *s, size_t depth)
{
	struct ll_jbuf k = { 0 };
	struct ll_jiter it;
	struct ll_jval v, key;
	json_t *c, *e;
	int r, obj;

	obj = ll_jscan_peek(s);
	if (depth > 2048) {
		/* Past jansson's limit; the scanner has none.  Skip it. */
		huge = 1;
		if (ll_jscan_value(s, &v) == -1)
			return NULL;
		return json_null();
	}
	if (obj != LL_JOBJ && obj != LL_JARR) {
		if (ll_jscan_value(s, &v) == -1)
			return NULL;
		return scalar(&v);
	}
	if (ll_jscan_open(s, &it) == -1)
		return NULL;
	c = obj == LL_JOBJ ? json_object() : json_array();
	while ((r = ll_jscan_next(s, &it, &key)) == 1) {
		if ((e = build(s, depth + 1)) == NULL)
			break;
		if (obj == LL_JARR) {
			json_array_append_new(c, e);
			continue;
		}
		k.len = 0;
		ll_jbuf_addunesc(&k, &key);
		if (k.len > 0 && memchr(k.p, '\0', k.len) != NULL)
			huge = 1;
		ll_jbuf_addc(&k, '\0');
		json_object_setn_new_nocheck(c, k.p, k.len - 1, e);
	}
	ll_jbuf_free(&k);
	if (r != 0) {
		json_decref(c);
		return NULL;
	}
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct ll_jscan s;
	struct ll_jval v;
	json_error_t jerr;
	json_t *mine, *theirs;
	int ok;

	huge = 0;
	memset(&s, 0, sizeof(s));
	ll_jscan_init(&s, buf, size);
	mine = build(&s, 0);
	if (mine != NULL && ll_jscan_end(&s) == -1) {
		json_decref(mine);
		mine = NULL;
	}
	fuzz_check(mine != NULL || s.err != NULL, "failed without a reason");
	ll_jscan_free(&s);

	theirs = ll_json_parse(buf, size, &jerr);
	fuzz_check(huge || (mine == NULL) == (theirs == NULL),
	    "jscan says %s, jansson %s", mine ? "valid" : s.err,
	    theirs ? "valid" : jerr.text);
	if (!huge && mine != NULL && theirs != NULL) {
		/*
		 * ll_json_parse() degrades all integers of a text to reals
		 * when one is past 64 bits; compare with every number a
		 * real, as the rebuilt value has them.
		 */
		json_decref(theirs);
		theirs = json_loadb(buf, size, JSON_DECODE_ANY |
		    JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &jerr);
		fuzz_check(theirs != NULL && json_equal(mine, theirs),
		    "rebuilt value differs from jansson's");
	}

	/* Skipping the value whole must reach the same end. */
	memset(&s, 0, sizeof(s));
	ll_jscan_init(&s, buf, size);
	ok = ll_jscan_value(&s, &v) == 0 && ll_jscan_end(&s) == 0;
	ll_jscan_free(&s);
	fuzz_check(ok == (mine != NULL), "ll_jscan_value says %s",
	    ok ? "valid" : "invalid");
	json_decref(mine);
	json_decref(theirs);
	return 0;
}
