/*
 * Sets of byte strings for membership tests: values are collected,
 * then sorted once, then looked up by binary search, so a list of
 * thousands of account ids costs a dozen comparisons per record.
 */
#ifndef LL_STRSET_H
#define LL_STRSET_H

#include <stddef.h>

struct ll_str {
	char	*s;		/* NUL-terminated copy */
	size_t	 len;
};

struct ll_strset {
	struct ll_str	*v;
	size_t		 n;
	int		 sorted;
};

void	ll_strset_add(struct ll_strset *, const char *, size_t);
void	ll_strset_sort(struct ll_strset *);
int	ll_strset_has(const struct ll_strset *, const char *, size_t);
void	ll_strset_free(struct ll_strset *);

#endif
