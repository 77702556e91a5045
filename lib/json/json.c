/*
 * JSON strings in and out: the toolkit's one escaper and one
 * unescaper, and parsing one value through jansson with the
 * toolkit's rules.
 *
 * The escaping policy, for every tool: a string reads the same
 * whichever tool wrote it, and the same as jansson's json_dumpf()
 * writes it (most tools write their records through jansson):
 *
 *	" and \			\" and \\
 *	BS FF LF CR TAB		\b \f \n \r \t
 *	other bytes < 0x20	\u00XX, upper-case hex: \u001B
 *	/ and DEL (0x7f)	as they are
 *	bytes >= 0x80		as they are when they form valid UTF-8; a
 *				byte that does not becomes U+FFFD, so
 *				what is written is always valid JSON
 *
 * man/ll.7 ("JSON text") says the same for users.
 */
#include <stdio.h>
#include <string.h>

#include "json/jscan.h"
#include "json/json.h"
#include "json/lex.h"
#include "xalloc.h"

/*
 * Writes bytes S escaped for the inside of a JSON string to DST,
 * which has room for 6 * N bytes, and returns the length written.
 */
size_t
ll_json_escape(char *dst, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char shortesc[32] = {
		['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
		['\t'] = 't'
	};
	const char *end = s + n, *run;
	unsigned char c;
	size_t o = 0, k;

	while (s < end) {
		run = s;
		s = ll_lex_plain(s, end);
		memcpy(dst + o, run, (size_t)(s - run));
		o += (size_t)(s - run);
		if (s == end)
			break;
		c = (unsigned char)*s;
		if (c >= 0x80) {
			if ((k = ll_lex_utf8(s, end)) == 0) {
				memcpy(dst + o, "\xef\xbf\xbd", 3);
				o += 3;
				k = 1;
			} else {
				memcpy(dst + o, s, k);
				o += k;
			}
			s += k;
			continue;
		}
		dst[o++] = '\\';
		if (c == '"' || c == '\\')
			dst[o++] = (char)c;
		else if (shortesc[c] != 0)
			dst[o++] = shortesc[c];
		else {
			memcpy(dst + o, "u00", 3);
			dst[o + 3] = hex[c >> 4];
			dst[o + 4] = hex[c & 15];
			o += 5;
		}
		s++;
	}
	return o;
}

/* Returns S as a quoted JSON string. */
char *
ll_json_quote(const char *s, size_t *lenp)
{
	char *q;
	size_t n;

	n = strlen(s);
	q = xmalloc(n * 6 + 3);
	q[0] = '"';
	n = ll_json_escape(q + 1, s, n) + 1;
	q[n++] = '"';
	q[n] = '\0';
	if (lenp != NULL)
		*lenp = n;
	return q;
}

static size_t
put_utf8(char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xc0 | cp >> 6);
		d[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xe0 | cp >> 12);
		d[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		d[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	d[0] = (char)(0xf0 | cp >> 18);
	d[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	d[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	d[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The byte each one-letter escape stands for ("\n": newline). */
static const char shortunesc[256] = {
	['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = '\b', ['f'] = '\f',
	['n'] = '\n', ['r'] = '\r', ['t'] = '\t'
};

/*
 * Decodes the escape at P (a backslash) to D, which may lie at most
 * at P; returns its length in the text, with *dn the bytes written,
 * or 0 for a backslash that starts no valid escape.
 */
static size_t
unescape_one(const char *p, const char *end, char *d, size_t *dn)
{
	unsigned cp, lo;

	if (end - p >= 2 && shortunesc[(unsigned char)p[1]] != 0) {
		*d = shortunesc[(unsigned char)p[1]];
		*dn = 1;
		return 2;
	}
	if (end - p < 6 || p[1] != 'u' || ll_lex_hex4(p + 2, &cp) == -1)
		return 0;
	if (cp < 0xd800 || cp > 0xdfff) {
		*dn = put_utf8(d, cp);
		return 6;
	}
	if (end - p >= 12 && cp <= 0xdbff && p[6] == '\\' && p[7] == 'u' &&
	    ll_lex_hex4(p + 8, &lo) == 0 && lo >= 0xdc00 && lo <= 0xdfff) {
		*dn = put_utf8(d, 0x10000 + ((cp - 0xd800) << 10) +
		    (lo - 0xdc00));
		return 12;
	}
	return 0;
}

/*
 * Decodes the JSON escapes in src into dst (which may be src) and
 * returns the new length, never more than n.  For a valid string body
 * this is its value.  Any text is accepted: a backslash that does not
 * start a valid escape, or a lone surrogate, is kept as it is.
 */
size_t
ll_json_unescape(char *dst, const char *src, size_t n)
{
	const char *end = src + n, *bs;
	size_t o = 0, k, dn;

	while (src < end) {
		if ((bs = memchr(src, '\\', (size_t)(end - src))) == NULL)
			bs = end;
		if (dst + o != src)
			memmove(dst + o, src, (size_t)(bs - src));
		o += (size_t)(bs - src);
		src = bs;
		if (src == end)
			break;
		if ((k = unescape_one(src, end, dst + o, &dn)) == 0) {
			dst[o++] = *src++;
			continue;
		}
		o += dn;
		src += k;
	}
	return o;
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
