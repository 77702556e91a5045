/*
 * Fuzzes the toolkit's one escaper and one unescaper (lib/json/json.c)
 * against the lexer and jansson.  For any bytes, the escaped string is
 * a valid JSON string by the lexer's rules and by jansson's.  For
 * bytes that are valid UTF-8 it is exactly what jansson's json_dumpf()
 * writes for them (the documented policy is jansson's), and unescaping
 * it gives the bytes back; for other bytes it reads back as the bytes
 * with each invalid one replaced by U+FFFD.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "json/json.h"
#include "json/lex.h"
#include "ll.h"
#include "xalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The bytes with each one that is not valid UTF-8 replaced by U+FFFD. */
static size_t
replaced(char *d, const char *s, size_t n)
{
	const char *end = s + n;
	size_t o = 0, k;

	while (s < end) {
		if ((unsigned char)*s < 0x80)
			k = 1;
		else if ((k = ll_lex_utf8(s, end)) == 0) {
			memcpy(d + o, "\xef\xbf\xbd", 3);
			o += 3;
			s++;
			continue;
		}
		memcpy(d + o, s, k);
		o += k;
		s += k;
	}
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *src = (const char *)data;
	char *q, *want, *back;
	size_t n, wn, bn;
	struct ll_lex r;
	const char *end;
	json_error_t jerr;
	json_t *j;
	char *dump;

	q = xmalloc(size * 6 + 2);
	q[0] = '"';
	n = ll_json_escape(q + 1, src, size) + 1;
	q[n++] = '"';

	end = ll_lex_string(q + 1, q + n, &r);
	fuzz_check(end == q + n, "escaped text is not one JSON string: %d",
	    end == NULL ? (int)r.err : -1);
	j = json_loadb(q, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	fuzz_check(json_is_string(j), "jansson refuses the escaped text: %s",
	    jerr.text);

	want = xmalloc(size * 3 + 1);
	wn = replaced(want, src, size);
	back = xmalloc(n);
	bn = ll_json_unescape(back, q + 1, n - 2);
	fuzz_check(bn == wn && memcmp(back, want, wn) == 0,
	    "unescaping does not give the bytes back");
	fuzz_check(json_string_length(j) == wn &&
	    memcmp(json_string_value(j), want, wn) == 0,
	    "jansson reads other bytes");

	if (wn == size && memcmp(want, src, size) == 0) {
		dump = json_dumps(j, JSON_ENCODE_ANY);
		fuzz_check(dump != NULL && strlen(dump) == n &&
		    memcmp(dump, q, n) == 0,
		    "jansson escapes valid UTF-8 otherwise: %s", dump);
		free(dump);
	}
	json_decref(j);
	free(q);
	free(want);
	free(back);
	return 0;
}
