/* Writing JSON strings: escaping bytes that JSON does not allow raw. */
#include <stdio.h>
#include <string.h>

#include "ll.h"
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
