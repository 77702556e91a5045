/*
 * JSON strings in and out (the toolkit's one escaper and one
 * unescaper; the escaping policy is at the top of json.c), and parsing
 * one value through jansson with the toolkit's rules (big numbers
 * degrade to reals, NUL bytes only inside strings).
 */
#ifndef LL_JSON_JSON_H
#define LL_JSON_JSON_H

#include <stddef.h>

#include <jansson.h>

size_t	 ll_json_escape(char *, const char *, size_t);
char	*ll_json_quote(const char *, size_t *);
size_t	 ll_json_unescape(char *, const char *, size_t);
json_t	*ll_json_parse(const char *, size_t, json_error_t *);

#endif
