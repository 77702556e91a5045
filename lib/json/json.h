/*
 * JSON text in and out through jansson: quoting a C string as a JSON
 * string, and parsing one value with the toolkit's rules (big numbers
 * degrade to reals, NUL bytes only inside strings).
 */
#ifndef LL_JSON_JSON_H
#define LL_JSON_JSON_H

#include <stddef.h>

#include <jansson.h>

char	*ll_json_quote(const char *, size_t *);
json_t	*ll_json_parse(const char *, size_t, json_error_t *);

#endif
