/* Hive partition directory names and table locations. */
#include <stddef.h>
#include <string.h>

#include "lake/hive.h"
#include "json/jscan.h"
#include "xalloc.h"

/*
 * Appends KEY=VALUE to the partition path B, after a "/" unless it is
 * the first.  Hive escapes path-unsafe characters in partition values
 * as %XX.  Only a plain, non-empty string will do; so will no name
 * longer than the 255 bytes file systems allow.  Returns -1 if not.
 */
int
ll_hive_add(struct ll_jbuf *b, const char *key, const struct ll_jval *v)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t j, start;
	unsigned char c;

	if (v->type != LL_JSTR || v->esc || v->n <= 2)
		return -1;
	if (b->len > 0)
		ll_jbuf_addc(b, '/');
	start = b->len;
	ll_jbuf_adds(b, key);
	ll_jbuf_addc(b, '=');
	for (j = 1; j + 1 < v->n; j++) {
		c = (unsigned char)v->p[j];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c >= 0x80)
			ll_jbuf_addc(b, (char)c);
		else {
			ll_jbuf_addc(b, '%');
			ll_jbuf_addc(b, hex[c >> 4]);
			ll_jbuf_addc(b, hex[c & 15]);
		}
	}
	return b->len - start > 255 ? -1 : 0;
}

/*
 * The location of TABLE under BASE, or of its partition REL when that
 * is not NULL, ending in "/" as engines want a directory to.
 */
char *
ll_hive_location(const char *base, const char *table, const char *rel)
{
	const char *sep;
	size_t n;

	n = strlen(base);
	sep = n > 0 && base[n - 1] == '/' ? "" : "/";
	if (rel == NULL)
		return xasprintf("%s%s%s/", base, sep, table);
	return xasprintf("%s%s%s/%s/", base, sep, table, rel);
}
