/* Join keys as JSON text, and back. */
#include <stddef.h>

#include <jansson.h>

#include "buf.h"
#include "joinkey.h"
#include "json/path.h"

/*
 * Leaves in B the key of REC at the N paths P; returns NULL, or
 * "missing" or "null" to say why REC has no key.
 */
const char *
ll_joinkey_text(struct ll_buf *b, json_t *rec, const struct ll_path *p,
    size_t n)
{
	json_t *v;
	size_t i;

	b->n = 0;
	if (n > 1)
		ll_buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if ((v = ll_path_get(&p[i], rec)) == NULL)
			return "missing";
		if (json_is_null(v))
			return "null";
		if (i > 0)
			ll_buf_addc(b, ',');
		ll_buf_json(b, v);
	}
	if (n > 1)
		ll_buf_addc(b, ']');
	return NULL;
}

/* Sets in OBJ the values of KEY, parsed, at the N paths P. */
void
ll_joinkey_set(json_t *obj, json_t *key, const struct ll_path *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ll_path_set(&p[i], obj, n == 1 ? key : json_array_get(key, i));
}
