/*
 * Join keys.  A record's key is the JSON text of its value at the key
 * path, or of the array of its values when the key has several paths,
 * and records match when these bytes are equal.  A missing or null
 * value gives no key: such a record matches nothing.  A key can be
 * turned back into the fields a record with that key has, for rows
 * made from right records alone.
 */
#ifndef LL_JOINKEY_H
#define LL_JOINKEY_H

#include <stddef.h>

#include <jansson.h>

#include "buf.h"
#include "json/path.h"

const char *ll_joinkey_text(struct ll_buf *, json_t *,
	    const struct ll_path *, size_t);
void	ll_joinkey_set(json_t *, json_t *, const struct ll_path *, size_t);

#endif
