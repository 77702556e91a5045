/* Joined rows: a left record extended, and a right record's columns. */
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "joinrow.h"

/*
 * Leaves in B the left record LEFT, whose text is RAW, LEN bytes, with
 * the fields of COLS added after its own; fields of COLS win.
 */
void
ll_joinrow_extend(struct ll_buf *b, const char *raw, size_t len,
    json_t *left, json_t *cols)
{
	const char *k;
	json_t *v, *name, *copy;
	size_t klen;
	int first;

	b->n = 0;
	json_object_keylen_foreach(cols, k, klen, v)
		if (json_object_getn(left, k, klen) != NULL)
			break;
	if (k != NULL) {
		copy = json_copy(left);
		json_object_update(copy, cols);
		ll_buf_json(b, copy);
		json_decref(copy);
		return;
	}
	ll_buf_add(b, raw, len - 1);
	first = json_object_size(left) == 0;
	json_object_keylen_foreach(cols, k, klen, v) {
		if (!first)
			ll_buf_addc(b, ',');
		first = 0;
		name = json_stringn_nocheck(k, klen);
		ll_buf_json(b, name);
		json_decref(name);
		ll_buf_addc(b, ':');
		ll_buf_json(b, v);
	}
	ll_buf_addc(b, '}');
}

/*
 * The fields of RIGHT, their names after PREFIX (if not NULL), but for
 * those LEFT (if not NULL) has: a right record never replaces a left
 * field.  A new object.
 */
json_t *
ll_joinrow_right(json_t *left, json_t *right, const char *prefix)
{
	struct ll_buf name = { NULL, 0, 0 };
	json_t *cols, *v;
	const char *k;
	size_t klen;

	cols = json_object();
	json_object_keylen_foreach(right, k, klen, v) {
		name.n = 0;
		if (prefix != NULL)
			ll_buf_add(&name, prefix, strlen(prefix));
		ll_buf_add(&name, k, klen);
		if (left == NULL ||
		    json_object_getn(left, name.p, name.n) == NULL)
			json_object_setn(cols, name.p, name.n, v);
	}
	ll_buf_free(&name);
	return cols;
}
