/*
 * The fixed-string search of ll-filter --grep and --indicators:
 * alternatives, matched in a record's text as written and with its
 * strings decoded (json/jtexts.h), optionally ignoring ASCII case or
 * only as whole words (the rule of io/acmatch.h).  With --indicators
 * every needle is looked for at once, and the ones a record holds are
 * named.
 */
#ifndef LL_FILTER_GREP_H
#define LL_FILTER_GREP_H

#include <stddef.h>

#include "io/acmatch.h"
#include "json/jbuf.h"
#include "json/jtexts.h"

struct ll_grep {
	char	**pat;		/* alternatives, folded with icase */
	size_t	 *patlen;
	size_t	  n;
	char	**files;	/* --indicators */
	size_t	  nfiles;
	int	  icase;
	int	  word;		/* --word: whole words only */
	char	 *label;
	struct ll_jtexts tx;
	char	 *fold;		/* work buffer */
	size_t	  size;
	struct ll_acmatch *ac;	/* with --indicators: every needle */
	struct ll_achits hits;
};

void	ll_grep_add(struct ll_grep *, const char *);
void	ll_grep_file(struct ll_grep *, const char *);
void	ll_grep_done(struct ll_grep *, int);
int	ll_grep_match(struct ll_grep *, const char *, size_t);
void	ll_grep_put_matches(struct ll_grep *, struct ll_jbuf *);
void	ll_grep_free(struct ll_grep *);

#endif
