/*
 * Record tests as ll-filter(1) writes them, "PATH OP [VALUE]", and the
 * fixed-string search of --grep.  Tests see a record through the
 * values at their paths (struct ll_val), which come either from the
 * scanner of jfind.h or from a jansson tree, so both give one answer.
 */
#ifndef LL_MATCH_H
#define LL_MATCH_H

#include <stddef.h>

#include <jansson.h>

#include "jfind.h"
#include "path.h"

/* The value at one path: a decoded string, a number, or just a type. */
struct ll_val {
	enum ll_jftype	 type;
	const char	*s;
	size_t		 len;
	double		 num;
};

void	ll_val_span(struct ll_val *, const struct ll_jspan *, char **,
	    size_t *);
void	ll_val_json(struct ll_val *, json_t *);

/* Distinct paths, shared by every test and by the controls. */
struct ll_pathset {
	struct ll_path	*p;
	size_t		 n;
};

size_t	ll_pathset_add(struct ll_pathset *, const struct ll_path *);
void	ll_pathset_free(struct ll_pathset *);

struct ll_test;

struct ll_tests {
	struct ll_test	*t;
	size_t		 n;
	char		*buf;		/* a string for regexec(3) */
	size_t		 bufsize;
};

int	ll_tests_add(struct ll_tests *, struct ll_pathset *, const char *,
	    const char **);
void	ll_tests_done(struct ll_tests *);
int	ll_tests_eval(struct ll_tests *, const struct ll_val *);
const char *ll_tests_label(const struct ll_tests *, size_t);
void	ll_tests_free(struct ll_tests *);

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
