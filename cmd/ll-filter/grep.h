/*
 * The fixed-string search of ll-filter --grep: alternatives, matched
 * in a record's text as written and with its strings decoded,
 * optionally ignoring ASCII case or only as whole words.
 */
#ifndef LL_FILTER_GREP_H
#define LL_FILTER_GREP_H

#include <stddef.h>

struct ll_grep {
	char	**pat;		/* alternatives, folded with icase */
	size_t	 *patlen;
	size_t	  n;
	int	  icase;
	int	  word;		/* --word: whole words only */
	int	  ws;		/* a needle holds JSON white space */
	char	 *label;
	char	 *text, *dec, *in, *fold;	/* work buffers */
	size_t	  size;
};

void	ll_grep_add(struct ll_grep *, const char *);
void	ll_grep_done(struct ll_grep *, int);
int	ll_grep_match(struct ll_grep *, const char *, size_t);
void	ll_grep_free(struct ll_grep *);

#endif
