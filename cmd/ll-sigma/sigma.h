/*
 * ll-sigma's parts.  rule.c compiles Sigma rules from YAML into
 * tests on fields; cond.c parses a rule's condition; pattern.c holds
 * the compiled values (wildcards, regular expressions, networks) and
 * matches them; record.c finds every field any rule reads in one walk
 * of a record, so that each record is parsed once for all rules;
 * index.c picks the rules a record can match by its event name.
 */
#ifndef SIGMA_H
#define SIGMA_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "json/jscan.h"

/*
 * record.c.  The fields the rules read form a tree of keys whose
 * node 0 is the record itself.  A walk of a record hangs every value
 * found at a node on that node's list; the elements of an array are
 * values of the array's node, so a test on a field looks at each.
 */
struct rvalue {
	struct ll_jval	 v;		/* span; strings keep their quotes */
	int		 next;		/* next value at the node, or -1 */
	const char	*text;		/* decoded, once asked for */
	const char	*low;		/* the same in ASCII lower case */
	size_t		 len;
};

struct fnode {
	char		*key;
	size_t		 keylen;
	size_t		*kids;
	size_t		 nkids;
	int		 wanted;	/* a test reads the values here */
	int		 first, last;	/* this record's values, -1: none */
	int		 present;	/* seen with a value other than null */
};

/* Text made for one record (decoded escapes, lower case). */
struct arena {
	char		*buf;
	size_t		 used, size;
	char		**old;
	size_t		 nold, oldcap;
};

struct fields {
	struct fnode	*node;
	size_t		 nnode;
	struct rvalue	*val;
	size_t		 nval, valcap;
	struct ll_jscan	 scan;
	struct arena	 arena;
	size_t		 end;		/* offset just past the record's '}' */
	int		 empty;		/* the record is {} */
	int		 object;	/* the record starts as an object */
};

void	fields_init(struct fields *);
size_t	fields_add(struct fields *, const char *);
long	fields_find(const struct fields *, const char *);
int	fields_scan(struct fields *, const char *, size_t);
const char *fields_text(struct fields *, struct rvalue *, int, size_t *);
void	fields_free(struct fields *);

/*
 * pattern.c.  One value of a field test, compiled: strings become
 * wildcard patterns in lower case (unless cased) whose common shapes
 * (exact, prefix, suffix, substring) are matched without the general
 * matcher.
 */
enum vkind {
	V_STR, V_NUM, V_NULL, V_RE, V_CIDR, V_EXISTS, V_REF,
	V_LT, V_LTE, V_GT, V_GTE
};

enum vshape { S_EXACT, S_PREFIX, S_SUFFIX, S_SUBSTR, S_ANY, S_GLOB };

struct value {
	enum vkind	 kind;
	enum vshape	 shape;
	int		 cased;
	char		*lit;		/* literal, or the glob's bytes */
	size_t		 len;
	unsigned char	*wild;		/* S_GLOB: 0, '*' or '?' per byte */
	int		 qmark;		/* S_GLOB: has a '?' */
	double		 num;
	int		 exists;
	char		*ref;		/* V_REF: the other field */
	size_t		 refnode;
	pcre2_code	*re;
	unsigned char	 net[16];
	int		 family, bits;
};

int	value_glob(struct value *, const char *, size_t, enum vshape, int);
int	value_re(struct value *, const char *, size_t, uint32_t, char *,
	    size_t);
int	value_cidr(struct value *, const char *);
int	value_test(const struct value *, struct fields *, size_t);
void	value_free(struct value *);
void	pattern_done(void);

/* rule.c */
struct matcher {
	char		*field;		/* dotted path as written */
	size_t		 node;
	int		 all;		/* every value must match */
	int		 cost;		/* cheap tests go first */
	struct value	*v;
	size_t		 nv;
};

struct map {
	struct matcher	*m;		/* all of them */
	size_t		 n;
};

struct ident {
	char		*name;
	struct map	*maps;		/* any of them */
	size_t		 n;
};

/* A condition is a tree of these, in one array. */
enum cop { C_REF, C_AND, C_OR, C_NOT };

struct cnode {
	enum cop	 op;
	size_t		 a, b;		/* C_REF: a is an identifier */
};

struct rule {
	char		*file;
	unsigned long	 line;
	char		*id, *title, *level;
	struct ident	*ids;
	size_t		 nids;
	struct cnode	*cond;
	size_t		 ncond, root;
	char		*why;		/* NULL, or why the rule is refused */
	unsigned long	 whyline;
	char		*tag;		/* {"id":...,"title":...,"level":...} */
	uintmax_t	 hits;
};

struct ruleset {
	struct rule	*r;
	size_t		 n;
	size_t		 refused;
};

void	rules_load(struct ruleset *, const char *);
void	rules_bind(struct ruleset *, struct fields *);
int	rule_match(const struct rule *, struct fields *);
void	rules_free(struct ruleset *);

/* index.c: the rules a record can match, by eventName or eventSource. */
struct slot {
	const char	*lit;		/* a lower-case value; NULL: free */
	size_t		 len;
	size_t		 field;
	size_t		*rules;
	size_t		 nrules;
};

struct index {
	size_t		 field[2];	/* the nodes of the guard fields */
	size_t		 nfield;
	struct slot	*tab;
	size_t		 cap, used;
	int		*guarded;	/* per rule */
	uint64_t	*stamp;		/* per rule: let through if now */
	uint64_t	 now;
};

void	index_build(struct index *, const struct ruleset *, struct fields *);
void	index_record(struct index *, struct fields *);
void	index_free(struct index *);

/* cond.c */
int	cond_parse(struct rule *, const char *, size_t *, char *, size_t);

#endif
