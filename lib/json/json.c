/*
 * JSON text in and out through jansson: quoting C strings, and parsing
 * one value with the toolkit's rules.
 */
#include <stdio.h>
#include <string.h>

#include "json/jscan.h"
#include "json/json.h"
#include "xalloc.h"

static size_t
escape(char *dst, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c;
	size_t i, o;

	o = 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			dst[o++] = '\\';
			dst[o++] = (char)c;
		} else if (c < 0x20 || c == 0x7f) {
			memcpy(dst + o, "\\u00", 4);
			dst[o + 4] = hex[c >> 4];
			dst[o + 5] = hex[c & 15];
			o += 6;
		} else
			dst[o++] = (char)c;
	}
	return o;
}

/* Returns S as a quoted JSON string (bytes >= 0x80 are kept as is). */
char *
ll_json_quote(const char *s, size_t *lenp)
{
	char *q;
	size_t n;

	n = strlen(s);
	q = xmalloc(n * 6 + 3);
	q[0] = '"';
	n = escape(q + 1, s, n) + 1;
	q[n++] = '"';
	q[n] = '\0';
	if (lenp != NULL)
		*lenp = n;
	return q;
}

/*
 * Parses one JSON value; numbers past 64 bits degrade to reals rather
 * than failing the record.
 */
json_t *
ll_json_parse(const char *buf, size_t len, json_error_t *jerr)
{
	json_t *j;
	struct ll_jscan s;
	struct ll_jval v;
	size_t at;
	int flags = JSON_ALLOW_NUL | JSON_DECODE_ANY, ok;

	j = json_loadb(buf, len, flags, jerr);
	if (j == NULL && strstr(jerr->text, "too big") != NULL) {
		flags |= JSON_DECODE_INT_AS_REAL;
		j = json_loadb(buf, len, flags, jerr);
	}
	if (j == NULL || memchr(buf, '\0', len) == NULL)
		return j;

	/*
	 * jansson reads its input through a NUL-terminated buffer and takes
	 * a NUL byte outside a string for the buffer's end, so "123\0" and
	 * "[null\0]" load and bytes can go unseen.  Found by
	 * tests/fuzz/fuzz_jfind: ll-filter's scanner refuses such text.
	 * Text holding a NUL (rare, and legal only inside strings) must
	 * also pass the strict scanner.
	 */
	memset(&s, 0, sizeof(s));
	ll_jscan_init(&s, buf, len);
	ok = ll_jscan_value(&s, &v) == 0 && ll_jscan_end(&s) == 0;
	at = ll_jscan_offset(&s);
	ll_jscan_free(&s);
	if (ok)
		return j;
	json_decref(j);
	memset(jerr, 0, sizeof(*jerr));
	jerr->position = (int)at;
	snprintf(jerr->text, sizeof(jerr->text), "NUL byte outside a string "
	    "near byte %zu", at);
	jerr->text[JSON_ERROR_TEXT_LENGTH - 1] =
	    (char)json_error_invalid_syntax;
	return NULL;
}
