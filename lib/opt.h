/*
 * Option arguments every tool parses the same way.
 */
#ifndef LL_OPT_H
#define LL_OPT_H

long long ll_opt_num(const char *, const char *, long long, long long);
long long ll_opt_size(const char *, const char *);

#endif
