/*
 * Many fixed strings searched at once (Aho-Corasick): the text is read
 * once, a table lookup a byte, whatever the number of patterns, and
 * every occurrence of every pattern is found, overlapping ones too.
 * Optionally ASCII case is ignored, and optionally only whole tokens
 * count (ll_acmatch_alone: the rule is in acmatch.c and ll-timeline(1)).
 * A built matcher is read-only: threads share it, each with its own
 * struct ll_achits for what it found.
 */
#ifndef LL_ACMATCH_H
#define LL_ACMATCH_H

#include <stddef.h>
#include <stdint.h>

struct ll_acmatch;

/* The patterns found in one record, each once, and a scratch stamp. */
struct ll_achits {
	uint32_t	*id;
	size_t		 n, cap;
	uint32_t	*stamp;		/* per pattern: gen when found */
	uint32_t	 gen;
	size_t		 npat;
};

struct ll_acmatch *ll_acmatch_new(int, int);
size_t	ll_acmatch_add(struct ll_acmatch *, const char *, size_t);
size_t	ll_acmatch_load(struct ll_acmatch *, const char *);
void	ll_acmatch_build(struct ll_acmatch *);
size_t	ll_acmatch_count(const struct ll_acmatch *);
const char *ll_acmatch_pattern(const struct ll_acmatch *, size_t, size_t *);
size_t	ll_acmatch_scan(const struct ll_acmatch *, const char *, size_t,
	    struct ll_achits *);
int	ll_acmatch_alone(const char *, size_t, size_t, size_t);
void	ll_acmatch_free(struct ll_acmatch *);

void	ll_achits_init(struct ll_achits *, const struct ll_acmatch *);
void	ll_achits_clear(struct ll_achits *);
int	ll_achits_add(struct ll_achits *, uint32_t);
void	ll_achits_sort(struct ll_achits *);
void	ll_achits_free(struct ll_achits *);

#endif
