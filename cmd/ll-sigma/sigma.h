/*
 * ll-sigma's parts.  load.c reads rule files and directories; rule.c
 * compiles each Sigma rule from YAML into tests on fields; cond.c
 * parses a rule's condition; value.c holds the compiled values
 * (wildcards, regular expressions, networks) and matches them;
 * fields.c finds every field any rule reads in one walk of a record,
 * so that each record is parsed once for all rules; index.c picks the
 * rules a record can match by its event name.
 */
#ifndef SIGMA_H
#define SIGMA_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <yaml.h>

#include "json/jscan.h"

/*
 * fields.c.  The fields the rules read form a tree of keys whose
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

void	ll_fields_init(struct fields *);
size_t	ll_fields_add(struct fields *, const char *);
long	ll_fields_find(const struct fields *, const char *);
int	ll_fields_scan(struct fields *, const char *, size_t);
const char *ll_fields_text(struct fields *, struct rvalue *, int, size_t *);
void	ll_fields_free(struct fields *);

/*
 * value.c.  One value of a field test, compiled: strings become
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

extern uintmax_t ll_value_re_errors;

int	ll_value_glob(struct value *, const char *, size_t, enum vshape, int);
int	ll_value_re(struct value *, const char *, size_t, uint32_t, char *,
	    size_t);
int	ll_value_cidr(struct value *, const char *);
int	ll_value_test(const struct value *, struct fields *, size_t);
void	ll_value_free(struct value *);
void	ll_value_done(void);

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

int	ll_rule_compile(const struct ruleset *, struct rule *,
	    yaml_document_t *, yaml_node_t *, char *, size_t, unsigned long *);
void	ll_rule_bind(struct ruleset *, struct fields *);
int	ll_rule_match(const struct rule *, struct fields *);
void	ll_rule_free(struct ruleset *);

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

void	ll_index_build(struct index *, const struct ruleset *, struct fields *);
void	ll_index_record(struct index *, struct fields *);
void	ll_index_free(struct index *);

/* load.c */
void	ll_load_rules(struct ruleset *, const char *);

/* cond.c */
int	ll_cond_parse(struct rule *, const char *, size_t *, char *, size_t);

#endif
