/*
 * A validating JSON scanner for one record held in memory.  It
 * accepts exactly the texts that ll_json_parse() accepts (RFC 8259,
 * strict UTF-8, paired surrogates, \u0000 outside keys, no real
 * overflow, nesting up to jansson's 2048 levels), and on the way it
 * notes where the values at up to 64 chosen paths are, so a filter can
 * test a record without building a tree.  Duplicate keys behave as in
 * jansson: the last one wins.
 */
#ifndef LL_JFIND_H
#define LL_JFIND_H

#include <stddef.h>
#include <stdint.h>

#include "json/json.h"
#include "json/path.h"

#define LL_JFIND_MAXPATHS	64

enum ll_jftype {
	LL_JF_ABSENT, LL_JF_NULL, LL_JF_FALSE, LL_JF_TRUE, LL_JF_NUMBER,
	LL_JF_STRING, LL_JF_OBJECT, LL_JF_ARRAY
};

/* Where a value is in the record's text. */
struct ll_jspan {
	enum ll_jftype	 type;
	const char	*p;	/* string body without quotes, or number */
	size_t		 len;
	int		 esc;	/* the string body holds escapes */
};

struct ll_jfind {
	struct ll_jspan	*val;		/* per path, set by ll_jfind() */
	const struct ll_path *paths;
	size_t		 npaths;
	size_t		 maxseg;
	uint64_t	(*lenmask)[64];	/* [segment][length % 64]: paths */
	uint64_t	*alive;		/* per open object: paths to match */
	unsigned char	*kind;		/* per open container: '{' or '[' */
	char		*key;		/* a key with escapes, decoded */
	size_t		 keysize;
	char		*num;		/* a number, NUL-terminated */
	size_t		 numsize;
};

void	ll_jfind_init(struct ll_jfind *, const struct ll_path *, size_t);
int	ll_jfind(struct ll_jfind *, const char *, size_t);
void	ll_jfind_free(struct ll_jfind *);

#endif
