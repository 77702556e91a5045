/*
 * Fuzzes ll-filter's scanner (lib/json/jfind.c), which claims to accept
 * exactly the text ll_json_parse() accepts and to find the same values
 * at the same paths.  Each input is one record; the checks compare the
 * scanner with jansson: the same verdict, the same top-level type,
 * and per path the same type and, for strings, the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "json/jfind.h"
#include "json/json.h"
#include "json/path.h"
#include "ll.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *texts[] = {
	"a", "a.b", "a.b.c", "b", "eventName", "userIdentity.arn",
	"userIdentity.sessionContext.sessionIssuer.userName", "message",
	"message.sessionId", "x.y"
};
#define NPATHS	(sizeof(texts) / sizeof(texts[0]))
static struct ll_path paths[NPATHS];
static struct ll_jfind scan;

static enum ll_jftype
jtype(json_t *j)
{
	if (j == NULL)
		return LL_JF_ABSENT;
	switch (json_typeof(j)) {
	case JSON_OBJECT:
		return LL_JF_OBJECT;
	case JSON_ARRAY:
		return LL_JF_ARRAY;
	case JSON_STRING:
		return LL_JF_STRING;
	case JSON_INTEGER:
	case JSON_REAL:
		return LL_JF_NUMBER;
	case JSON_TRUE:
		return LL_JF_TRUE;
	case JSON_FALSE:
		return LL_JF_FALSE;
	default:
		return LL_JF_NULL;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data, *why;
	const struct ll_jspan *v;
	json_error_t jerr;
	json_t *j, *at;
	char *dec;
	size_t i, n;
	int t;

	if (paths[0].n == 0) {
		for (i = 0; i < NPATHS; i++)
			if (ll_path_parse(&paths[i], texts[i], &why) == -1)
				abort();
		ll_jfind_init(&scan, paths, NPATHS);
	}
	t = ll_jfind(&scan, buf, size);
	j = ll_json_parse(buf, size, &jerr);
	fuzz_check((t == -1) == (j == NULL), "jfind says %d, jansson %s",
	    t, j == NULL ? jerr.text : "valid");
	if (j == NULL)
		return 0;
	fuzz_check((enum ll_jftype)t == jtype(j), "top type %d, jansson %d",
	    t, (int)jtype(j));
	for (i = 0; i < NPATHS; i++) {
		v = &scan.val[i];
		at = ll_path_get(&paths[i], j);
		fuzz_check(v->type == jtype(at), "%s: type %d, jansson %d",
		    texts[i], (int)v->type, (int)jtype(at));
		if (v->type != LL_JF_STRING)
			continue;
		dec = xmalloc(v->len + 1);
		if (v->esc)
			n = ll_json_unescape(dec, v->p, v->len);
		else {
			memcpy(dec, v->p, v->len);
			n = v->len;
		}
		fuzz_check(n == json_string_length(at) &&
		    memcmp(dec, json_string_value(at), n) == 0,
		    "%s: string differs from jansson's", texts[i]);
		free(dec);
	}
	json_decref(j);
	return 0;
}
