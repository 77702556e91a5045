/*
 * The texts a record is searched in for fixed strings (ll-filter
 * --grep, ll-timeline): the record as written, then with its strings
 * decoded once, so that no escape (\", \\, \/, \u00e9) hides a match,
 * then, in strings that hold JSON (CloudWatch messages, Session
 * Manager transcripts), with that JSON's own strings decoded too.
 * Text that is not JSON is never decoded twice, so a typed "\t" does
 * not turn into a tab.  The record must be valid JSON.
 */
#ifndef LL_JSON_JTEXTS_H
#define LL_JSON_JTEXTS_H

#include <stddef.h>

struct ll_jtexts {
	int	 ws;		/* a needle holds JSON white space */
	char	*text, *dec, *in;	/* work buffers */
	size_t	 size;
};

int	ll_jtexts_walk(struct ll_jtexts *, const char *, size_t,
	    int (*)(void *, const char *, size_t), void *);
void	ll_jtexts_free(struct ll_jtexts *);

#endif
