/*
 * The fixed-string search of ll-filter --grep: alternatives, matched
 * in a record's decoded text, optionally ignoring ASCII case.
 */
#ifndef LL_FILTER_GREP_H
#define LL_FILTER_GREP_H

#include <stddef.h>

struct ll_grep {
	char	**pat;		/* alternatives, folded with icase */
	size_t	 *patlen;
	size_t	  n;
	int	  icase;
	char	 *label;
	char	 *dec, *fold;
	size_t	  size;
};

void	ll_grep_add(struct ll_grep *, const char *);
void	ll_grep_done(struct ll_grep *, int);
int	ll_grep_match(struct ll_grep *, const char *, size_t);
void	ll_grep_free(struct ll_grep *);

#endif
