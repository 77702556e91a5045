/* Comparing a scanned JSON string with a C string. */
#ifndef LL_JSON_JSTR_H
#define LL_JSON_JSTR_H

#include "json/lex.h"

int	ll_jstr_eq(const struct ll_jval *, const char *);

#endif
