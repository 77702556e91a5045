/*
 * Fuzzes the record flattener (lib/lake/flat.c) behind ll-flatten and
 * ll-partition -F.  The last input byte picks the source (its value
 * modulo the number of sources, in the order of lib/lake/source.c),
 * the rest is one record.  A row is
 * written as ll-flatten writes it.  Checks: a record the flattener
 * takes is a JSON object by jansson's verdict too (save the scanner's
 * documented extras, see fuzz_jscan.c); its row is one
 * valid JSON object holding exactly the table's columns, each once;
 * boolean and bigint columns hold values of their type or null.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "json/json.h"
#include "lake/flat.h"
#include "lake/schema.h"
#include "lake/source.h"
#include "ll.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAXSRC	16

static const struct ll_table *tab[MAXSRC];
static struct ll_flat *flat[MAXSRC];
static char **prefix[MAXSRC];
static size_t nsrc;

static void
setup(void)
{
	size_t t, i;

	nsrc = ll_source_count();
	if (nsrc > MAXSRC)
		abort();
	for (t = 0; t < nsrc; t++) {
		tab[t] = ll_source_at(t)->table;
		flat[t] = ll_flat_new(ll_source_at(t));
		prefix[t] = xreallocarray(NULL, tab[t]->ncols,
		    sizeof(char *));
		for (i = 0; i < tab[t]->ncols; i++)
			prefix[t][i] = xasprintf("%c\"%s\":", i == 0 ? '{' :
			    ',', tab[t]->cols[i].name);
	}
}

static void
check_row(const struct ll_table *t, const char *row, size_t len)
{
	json_error_t jerr;
	json_t *j, *v;
	size_t i;

	j = json_loadb(row, len, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL,
	    &jerr);
	if (j == NULL && json_error_code(&jerr) == json_error_stack_overflow)
		return;
	fuzz_check(j != NULL && json_is_object(j), "row %.*s is not a JSON "
	    "object: %s", (int)(len > 300 ? 300 : len), row,
	    j == NULL ? jerr.text : "other type");
	fuzz_check(json_object_size(j) == t->ncols, "row has %zu members, "
	    "table %zu columns", json_object_size(j), t->ncols);
	for (i = 0; i < t->ncols; i++) {
		v = json_object_get(j, t->cols[i].name);
		fuzz_check(v != NULL, "no column %s", t->cols[i].name);
		if (json_is_null(v))
			continue;
		if (t->cols[i].type == LL_CT_BOOLEAN)
			fuzz_check(json_is_boolean(v), "%s is not boolean",
			    t->cols[i].name);
		else if (t->cols[i].type == LL_CT_BIGINT)
			fuzz_check(json_is_number(v), "%s is not a number",
			    t->cols[i].name);
		else if (t->cols[i].kind != LL_CK_JSON)
			fuzz_check(json_is_string(v), "%s is not a string",
			    t->cols[i].name);
	}
	json_decref(j);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ll_jbuf out = { 0 };
	json_error_t jerr;
	json_t *j;
	size_t t, i;
	int r;

	if (tab[0] == NULL)
		setup();
	if (size == 0)
		return 0;
	t = data[--size] % nsrc;
	fuzz_reset();
	r = ll_flat_record(flat[t], "fuzz", 1, (const char *)data, size);
	if (r == 0) {
		j = ll_json_parse((const char *)data, size, &jerr);
		/*
		 * By design the scanner also takes nesting past 2048,
		 * numbers past a double's range and keys holding \u0000,
		 * all of which jansson refuses.
		 */
		fuzz_check((j != NULL && json_is_object(j)) ||
		    (j == NULL && (json_error_code(&jerr) ==
		    json_error_stack_overflow || json_error_code(&jerr) ==
		    json_error_numeric_overflow || json_error_code(&jerr) ==
		    json_error_null_byte_in_key)), "took a record jansson "
		    "calls %s", j == NULL ? jerr.text : "not an object");
		json_decref(j);
		for (i = 0; i < tab[t]->ncols; i++) {
			ll_jbuf_adds(&out, prefix[t][i]);
			ll_flat_put(flat[t], i, &out);
		}
		ll_jbuf_addc(&out, '}');
		check_row(tab[t], out.p, out.len);
	}
	ll_jbuf_free(&out);
	fuzz_reset();
	return 0;
}
