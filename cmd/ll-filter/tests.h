/*
 * Record tests as ll-filter(1) writes them, "PATH OP [VALUE]".  Tests see a record through the
 * values at their paths (struct ll_val), which come either from the
 * scanner of jfind.h or from a jansson tree, so both give one answer.
 */
#ifndef LL_FILTER_TESTS_H
#define LL_FILTER_TESTS_H

#include <stddef.h>

#include <jansson.h>

#include "json/jfind.h"
#include "json/path.h"

/* The value at one path: a decoded string, a number, or just a type. */
struct ll_val {
	enum ll_jftype	 type;
	const char	*s;
	size_t		 len;
	double		 num;
};

void	ll_tests_val_span(struct ll_val *, const struct ll_jspan *, char **,
	    size_t *);
void	ll_tests_val_json(struct ll_val *, json_t *);

/* Distinct paths, shared by every test and by the controls. */
struct ll_pathset {
	struct ll_path	*p;
	size_t		 n;
};

size_t	ll_tests_pathset_add(struct ll_pathset *, const struct ll_path *);
void	ll_tests_pathset_free(struct ll_pathset *);

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

#endif
