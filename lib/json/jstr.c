/* Comparing a scanned JSON string with a C string. */
#include <stdlib.h>
#include <string.h>

#include "json/json.h"
#include "json/jstr.h"
#include "xalloc.h"

/*
 * Whether the scanned string V equals WORD once its escapes are
 * decoded (keys such as "event\u004eame" are rare but legal).  An
 * escape stands for at least one byte in at most six, so a body more
 * than six times WORD's length cannot be equal.
 */
int
ll_jstr_eq(const struct ll_jval *v, const char *word)
{
	char small[256], *buf;
	size_t n, body, m;
	int eq;

	if (v->type != LL_JSTR)
		return 0;
	n = strlen(word);
	body = v->n - 2;
	if (!v->esc)
		return body == n && memcmp(v->p + 1, word, n) == 0;
	if (body < n || body / 6 > n)
		return 0;
	buf = body <= sizeof(small) ? small : xmalloc(body);
	m = ll_json_unescape(buf, v->p + 1, body);
	eq = m == n && memcmp(buf, word, n) == 0;
	if (buf != small)
		free(buf);
	return eq;
}
